import type { Sandbox } from '../../../main/core/simulators/sandbox'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Engine } from '../../../main/core/engine'
import { createTestEngine } from '../../helpers/engine'
import { electronMock } from '../../helpers/electron-mock'
import { useTempDir } from '../../helpers/temp-dir'

vi.mock('electron', () => electronMock())
const electron = await import('electron')
const { firePresetFromTray } = await import('../../../main/desktop/preset-notifier')

interface FakeNotification {
  options: { title: string; body: string }
  show: ReturnType<typeof vi.fn>
}
const notifications = (electron.Notification as unknown as { instances: FakeNotification[] })
  .instances

const VALID = `{"ticket": {"subject": "From the tray", "comment": {"body": "Hi {{\${first_name}}}"}, "requester": {"name": "{{\${first_name}}}", "email": "{{\${email_address}}}"}}}`

describe('Fire preset from the tray (against the Sandbox)', () => {
  const tempDir = useTempDir('bridgebench-tray-', 'file')
  let engine: Engine

  beforeAll(async () => {
    engine = await createTestEngine(tempDir(), { sandbox: true })
  })
  afterAll(() => engine.close())

  it('creates the ticket and shows a notification that opens it', async () => {
    const template = engine.templates.save({
      name: 'Tray ticket',
      body: VALID,
      headers: {},
      target: 'zendesk-ticket',
    })
    const preset = engine.presets.save({
      name: 'Ada',
      templateId: template.id,
      userId: 'u-1001',
      profileId: null,
      addTestTag: true,
    })
    await firePresetFromTray(engine, preset.id)
    const shown = notifications.at(-1)
    expect(shown?.options.title).toMatch(/^Ticket #\d+ created$/)
    expect(shown?.show).toHaveBeenCalled()
    const tickets = (engine.sandbox as Sandbox).zendesk.tickets()
    expect(tickets.at(-1)).toMatchObject({ subject: 'From the tray', tags: ['bridgebench_test'] })
    expect(engine.tickets.history('sandbox')).toHaveLength(1)
  })

  it('says so when Zendesk refuses the ticket', async () => {
    const seed = engine.templates.list()[0]
    const preset = engine.presets.save({
      name: 'Seed as published',
      templateId: seed?.id ?? '',
      userId: 'u-1001',
      profileId: null,
      addTestTag: false,
    })
    await firePresetFromTray(engine, preset.id)
    expect(notifications.at(-1)?.options.title).toBe('Zendesk refused the ticket')
  })

  it('reports an unknown preset instead of failing silently', async () => {
    await firePresetFromTray(engine, 'nope')
    expect(notifications.at(-1)?.options).toMatchObject({
      title: 'Preset failed',
      body: expect.stringMatching(/No preset "nope"/),
    })
  })
})
