import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ApiClient, SampleTicket } from '../../../shared/contract'
import type { Engine } from '../../../main/core/engine'
import { findResourcesDir, TRIGGER_TEMPLATE_FILE } from '../../../main/core/simulators/sandbox-seed'
import { startWebServer, type WebServer } from '../../../main/web/server'
import { createTestEngine } from '../../helpers/engine'
import { useTempDir } from '../../helpers/temp-dir'
import { browserApiClient, fakeRendererDir } from '../../helpers/web-door'

const TEMPLATE = readFileSync(path.join(findResourcesDir(), TRIGGER_TEMPLATE_FILE), 'utf8')
const TITLE_LINE = TEMPLATE.split('\n').findIndex((line) => line.includes('{{ticket.title}}')) + 1

/** The trigger-body operations through the browser door, on an engine with the Sandbox. */
describe('trigger bodies over the typed API', () => {
  const tempDir = useTempDir('bridgebench-triggers-api-', 'file')
  let engine: Engine
  let server: WebServer
  let api: ApiClient
  let samples: SampleTicket[]
  const pepe = () => samples.find((s) => s.source === 'sandbox' && s.label.includes('Pepe'))!

  beforeAll(async () => {
    engine = await createTestEngine(tempDir(), { sandbox: true })
    engine.sandbox!.updateSettings({ zendesk: { delivery: { queueDelayMs: 0 } } })
    server = await startWebServer({ engine, rendererDir: fakeRendererDir(tempDir()) })
    api = browserApiClient(server)
    samples = await api.triggers.samples({ profileId: 'sandbox' })
  })
  afterAll(async () => {
    await server.close()
    await engine.close()
  })

  it("lists the built-in samples and the Sandbox's tickets read through its REST API", () => {
    expect(samples.filter((s) => s.source === 'built-in').length).toBeGreaterThanOrEqual(5)
    expect(pepe().users.some((u) => u.external_id === 'u-1002')).toBe(true)
  })

  it('renders the body for a ticket with its requester, escaping values in json mode', async () => {
    const result = await api.triggers.render({
      template: TEMPLATE,
      ticket: pepe(),
      escaping: 'json',
    })
    expect(result.validJson).toBe(true)
    const body = JSON.parse(result.text!) as { events: Array<{ properties: { subject: string } }> }
    expect(body.events[0]!.properties.subject).toBe('Sandbox: José "Pepe" Núñez cannot log in')
  })

  it('flags {{ticket.title}} at its template line when values are inserted raw', async () => {
    const result = await api.triggers.render({
      template: TEMPLATE,
      ticket: pepe(),
      escaping: 'raw',
    })
    expect(result.validJson).toBe(false)
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        code: 'placeholder-breaks-json',
        line: TITLE_LINE,
        message: expect.stringContaining('{{ticket.title}}') as unknown,
      }),
    )
  })

  it('lists, over many tickets, only those the raw body breaks for', async () => {
    const result = await api.triggers.lint({
      template: TEMPLATE,
      escaping: 'raw',
      profileId: 'sandbox',
    })
    expect(result.broken).toContain(pepe().key)
    expect(result.broken).toContain('builtin:quote-title')
    expect(result.broken).not.toContain('builtin:plain')
  })

  it('places a /users/track problem at the template line of its object', async () => {
    const result = await api.triggers.render({
      template:
        '{"events": [\n{"external_id": "{{ticket.requester.external_id}}", "name": "solved"}\n]}',
      ticket: pepe(),
      escaping: 'json',
    })
    expect(result.problems).toContainEqual(
      expect.objectContaining({ code: 'braze-time-required', line: 2 }),
    )
  })

  it("flags Zendesk's display-case status with the forwarder's pre-flight lint, at its line", async () => {
    const result = await api.triggers.render({
      template:
        '{"attributes": [{"external_id": "{{ticket.requester.external_id}}",\n"zendesk_status": "{{ticket.status}}"}]}',
      ticket: pepe(),
      escaping: 'json',
    })
    expect(result.problems).toContainEqual(
      expect.objectContaining({ code: 'braze-zendesk-display-value', line: 2 }),
    )
  })

  it('reports an unknown placeholder with its line', async () => {
    const result = await api.triggers.render({
      template:
        '{"attributes": [{"external_id": "{{ticket.requester.external_id}}",\n"x": "{{ticket.titel}}"}]}',
      ticket: pepe(),
      escaping: 'json',
    })
    expect(result.problems).toContainEqual(
      expect.objectContaining({ code: 'unknown-placeholder', line: 2 }),
    )
  })

  it('sends the body to the simulated Braze and reads the profile back', async () => {
    const result = await api.triggers.send({
      profileId: 'sandbox',
      template: TEMPLATE,
      ticket: pepe(),
      escaping: 'json',
    })
    expect(result).toMatchObject({ ok: true, status: 201 })
    expect(result.profile).toMatchObject({ external_id: 'u-1002' })
  })

  it('maps a skipped object in a 2xx answer to the line of that object', async () => {
    const result = await api.triggers.send({
      profileId: 'sandbox',
      template: '{"attributes": [{"external_id": "u-1001", "a": 1},\n {"b": "{{ticket.id}}"}]}',
      ticket: pepe(),
      escaping: 'json',
    })
    expect(result.ok).toBe(false)
    expect(result.problems).toContainEqual(
      expect.objectContaining({ code: 'braze-skipped-object', line: 2 }),
    )
  })

  it('plans, applies, re-applies without change, and undoes the Zendesk setup', async () => {
    const input = { profileId: 'sandbox', template: TEMPLATE, condition: 'solved' } as const
    const plan = await api.triggers.plan(input)
    expect(plan.changes.map((c) => c.action)).toEqual(['create', 'create'])
    const applied = await api.triggers.apply(input)
    expect(applied.ok).toBe(true)
    const again = await api.triggers.apply(input)
    expect(again.plan.upToDate).toBe(true)
    expect(again.steps.every((s) => s.action === 'none')).toBe(true)
    const undone = await api.triggers.undo({ profileId: 'sandbox' })
    expect(undone.ok).toBe(true)
    const names = engine.sandbox!.zendesk.webhooks().map((w) => w.name)
    expect(names).not.toContain('Bridgebench → Braze /users/track')
  })

  it('updates a webhook of the same name in place, and undo puts its endpoint back', async () => {
    const zendesk = engine.sandbox!.zendesk
    const existing = zendesk.createWebhook({
      name: 'Bridgebench → Braze /users/track',
      endpoint: 'https://old.example.test/hook',
    })
    const plan = await api.triggers.plan({ profileId: 'sandbox', template: TEMPLATE })
    expect(plan.changes[0]).toMatchObject({ action: 'update', id: existing.id })
    expect(plan.changes[0]!.fields.find((f) => f.field === 'endpoint')).toMatchObject({
      current: 'https://old.example.test/hook',
      changed: true,
    })
    expect((await api.triggers.apply({ profileId: 'sandbox', template: TEMPLATE })).ok).toBe(true)
    expect(zendesk.webhooks().find((w) => w.id === existing.id)!.endpoint).toBe(
      engine.sandbox!.urls.brazeTrack,
    )
    expect((await api.triggers.undo({ profileId: 'sandbox' })).ok).toBe(true)
    expect(zendesk.webhooks().find((w) => w.id === existing.id)!.endpoint).toBe(
      'https://old.example.test/hook',
    )
    expect(zendesk.triggers().map((t) => t.title)).not.toContain(
      'Bridgebench: ticket solved → Braze',
    )
  })

  it('solving a ticket after setup delivers the composed body to the simulated Braze', async () => {
    const template = TEMPLATE.replace('zendesk_ticket_solved', 'bridgebench_setup_solved')
    await api.triggers.apply({ profileId: 'sandbox', template, condition: 'solved' })
    const ticket = engine
      .sandbox!.zendesk.tickets()
      .find((t) => t.requesterExternalId === 'u-1001')!
    engine.sandbox!.solveTicket(ticket.id)
    await vi.waitFor(() =>
      expect(
        engine
          .sandbox!.braze.profile('u-1001')
          ?.timeline.some(
            (entry) => (entry as { name?: string }).name === 'bridgebench_setup_solved',
          ),
      ).toBe(true),
    )
    await api.triggers.undo({ profileId: 'sandbox' })
  })
})
