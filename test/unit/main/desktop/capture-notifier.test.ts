import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Engine } from '../../../../main/core/engine'
import { createTestEngine } from '../../../helpers/engine'
import { electronMock } from '../../../helpers/electron-mock'
import { useTempDir } from '../../../helpers/temp-dir'

vi.mock('electron', () => electronMock())
const electron = await import('electron')
const { notifyCaptures, NOTIFY_QUIET_MS } =
  await import('../../../../main/desktop/capture-notifier')

interface FakeNotification {
  options: { title: string; body: string }
  on: ReturnType<typeof vi.fn>
  show: ReturnType<typeof vi.fn>
}
const shown = (electron.Notification as unknown as { instances: FakeNotification[] }).instances

describe('a desktop notification per capture', () => {
  const tempDir = useTempDir()
  let engine: Engine
  let url: string
  let stop: () => void
  const openCapture = vi.fn()

  beforeEach(async () => {
    shown.length = 0
    openCapture.mockReset()
    engine = await createTestEngine(tempDir())
    engine.inbox.updateSettings({ port: 0 })
    url = (await engine.inbox.start()).url
    stop = notifyCaptures(engine, openCapture)
  })
  afterEach(async () => {
    stop()
    await engine.close()
  })

  const post = (body: string) =>
    fetch(`${url}/hooks/braze`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })

  it('stays silent by default', async () => {
    await post('{"ticket": 1}')
    await vi.waitFor(() => expect(engine.captures.size).toBe(1))
    expect(shown).toHaveLength(0)
  })

  it('names the request and what matters about it when the setting is on', async () => {
    engine.inbox.updateSettings({ notifyOnCapture: true })
    await post('{"ticket": 1,,}')
    await vi.waitFor(() => expect(shown).toHaveLength(1))
    expect(shown[0]?.options).toEqual({
      title: 'Captured POST /hooks/braze',
      body: 'signature missing · JSON parse error · answered 200',
    })
    expect(shown[0]?.show).toHaveBeenCalled()
  })

  it('opens the capture in the Inbox when clicked', async () => {
    engine.inbox.updateSettings({ notifyOnCapture: true })
    await post('{}')
    await vi.waitFor(() => expect(shown).toHaveLength(1))
    const [id] = engine.captures.list().items.map((item) => item.id)
    const onClick = shown[0]?.on.mock.calls.find(([name]) => name === 'click')?.[1] as () => void
    onClick()
    expect(openCapture).toHaveBeenCalledWith(id)
  })

  it('announces a burst with one summary once it is quiet again', async () => {
    engine.inbox.updateSettings({ notifyOnCapture: true })
    await post('{"n": 1}')
    await vi.waitFor(() => expect(shown).toHaveLength(1))
    await Promise.all([post('{"n": 2}'), post('{"n": 3}'), post('{"n": 4}')])
    await vi.waitFor(() => expect(engine.captures.size).toBe(4))
    expect(shown).toHaveLength(1)
    await vi.waitFor(() => expect(shown).toHaveLength(2), { timeout: NOTIFY_QUIET_MS + 2000 })
    expect(shown[1]?.options.title).toBe('Captured 3 more webhooks')
  })
})
