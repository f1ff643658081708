import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient, CaptureEvent } from '../../../shared/contract'
import type { Engine } from '../../../main/core/engine'
import { startWebServer, type WebServer } from '../../../main/web/server'
import { createTestEngine } from '../../helpers/engine'
import { useTempDir } from '../../helpers/temp-dir'
import { browserApiClient, fakeRendererDir } from '../../helpers/web-door'

/** Expected vs actual, and any two captures, through the typed API on the Sandbox. */
describe('diffs of what Zendesk sent', () => {
  const tempDir = useTempDir('bridgebench-diffs-', 'file')
  let engine: Engine
  let server: WebServer
  let api: ApiClient
  let captureId: string

  beforeAll(async () => {
    engine = await createTestEngine(tempDir(), { sandbox: true })
    server = await startWebServer({ engine, rendererDir: fakeRendererDir(tempDir()) })
    api = browserApiClient(server)
    await api.receiver.updateSettings({ sandboxThroughReceiver: true })
    await api.receiver.start()
    captureId = await solveOne(0)
  })
  afterAll(async () => {
    await server.close()
    await engine.close()
  })

  async function solveOne(index: number): Promise<string> {
    const events = await api.captures.events()
    const first = (async () => {
      for await (const event of events) if (event.type === 'captured') return event
      return undefined
    })()
    const ticket = (await api.simulators.snapshot()).zendesk.tickets[index]
    if (!ticket) throw new Error('no ticket')
    await api.simulators.solveTicket({ ticketId: ticket.id })
    const event = (await first) as Extract<CaptureEvent, { type: 'captured' }>
    return event.summary.id
  }

  it("finds nothing between the Sandbox trigger's template rendered for the ticket and what it sent", async () => {
    const expected = await api.diffs.expected({ captureId })
    expect(expected.templateSource).toMatch(/trigger/i)
    expect(expected.ticketId).toBeGreaterThan(0)
    expect(expected.diff.body.mode === 'json' && expected.diff.body.changes).toEqual([])
    expect(expected.diff.identical).toBe(true)
  })

  it('shows where a given template differs from what was sent, by JSON path', async () => {
    const actual = await api.captures.get({ id: captureId })
    const body = JSON.parse(actual.capture.request.body.data) as Record<string, unknown>
    const template = JSON.stringify({ ...body, extra: 'from the template' })
    const expected = await api.diffs.expected({ captureId, template })
    expect(expected.diff.identical).toBe(false)
    expect(
      expected.diff.body.mode === 'json' && expected.diff.body.changes.map((c) => c.path),
    ).toEqual(['extra'])
  })

  it('compares two captures: the ticket fields that changed, not the volatile headers', async () => {
    const other = await solveOne(1)
    const diff = await api.diffs.compare({
      left: { kind: 'capture', id: captureId },
      right: { kind: 'capture', id: other },
    })
    expect(diff.identical).toBe(false)
    const changed = diff.headers.rows.filter((row) => row.changes.length > 0 && !row.ignored)
    expect(changed.map((row) => row.name)).toEqual([])
    expect(diff.body.mode).toBe('json')
  })
})
