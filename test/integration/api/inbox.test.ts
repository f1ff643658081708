import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ApiClient, CaptureEvent } from '../../../shared/contract'
import type { Engine } from '../../../main/core/engine'
import { signZendeskWebhook } from '../../../main/core/zendesk/webhook-signature'
import { startWebServer, type WebServer } from '../../../main/web/server'
import { createTestEngine } from '../../helpers/engine'
import { useTempDir } from '../../helpers/temp-dir'
import { browserApiClient, fakeRendererDir } from '../../helpers/web-door'

/** Zendesk → Bridgebench through the typed API: the receiver, the Sandbox, the inbox. */
describe('the inbox: captures from the Sandbox and from anyone', () => {
  const tempDir = useTempDir('bridgebench-inbox-', 'file')
  let engine: Engine
  let server: WebServer
  let api: ApiClient
  let receiverUrl: string

  beforeAll(async () => {
    engine = await createTestEngine(tempDir(), { sandbox: true })
    server = await startWebServer({ engine, rendererDir: fakeRendererDir(tempDir()) })
    api = browserApiClient(server)
    await api.receiver.updateSettings({ sandboxThroughReceiver: true })
    const status = await api.receiver.start()
    receiverUrl = status.receiver.url ?? ''
  })
  afterAll(async () => {
    await server.close()
    await engine.close()
  })

  const post = (route: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${receiverUrl}/hooks/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    })

  it('captures the signed webhook of a solved Sandbox ticket as valid, live', async () => {
    const events = await api.captures.events()
    const first = (async () => {
      for await (const event of events) return event
      return undefined
    })()
    const snapshot = await api.simulators.snapshot()
    const ticket = snapshot.zendesk.tickets[0]
    if (!ticket) throw new Error('no ticket')
    await api.simulators.solveTicket({ ticketId: ticket.id })
    const event = (await first) as CaptureEvent
    expect(event).toMatchObject({
      type: 'captured',
      summary: { route: 'sandbox', verdict: 'valid', parseOk: true, status: 200 },
    })
    if (event.type !== 'captured') return
    const detail = await api.captures.get({ id: event.summary.id })
    expect(detail.capture.invocation.invocationId).toMatch(/^\d+$/)
    expect(detail.capture.request.body.data).toContain(String(ticket.id))
    const auth = detail.capture.request.headers.find(([n]) => n.toLowerCase() === 'authorization')
    expect(auth?.[1]).toMatch(/^Bearer ••••/)
  })

  it('flags a forged signature as invalid, with a likely cause, and still answers 200', async () => {
    const body = '{"ticket":1}'
    const timestamp = '2026-11-30T12:00:00Z'
    const signature = signZendeskWebhook({ secret: 'not the secret', timestamp, body })
    const answer = await post('sandbox', body, {
      'x-zendesk-webhook-signature': signature,
      'x-zendesk-webhook-signature-timestamp': timestamp,
    })
    expect(answer.status).toBe(200)
    const { items } = await api.captures.list({ route: 'sandbox', verdict: 'invalid' })
    const detail = await api.captures.get({ id: items[0]?.id ?? '' })
    expect(detail.capture.signature.cause).toMatch(/different secret/)
  })

  it.each([
    ['malformed JSON', '{"a": ', { parseKind: 'json', parseOk: false }],
    ['an empty body', '', { parseKind: 'empty', parseOk: true }],
    ['bytes that are not UTF-8', Buffer.from([0xff, 0xfe, 0x00]), { parseKind: 'binary' }],
  ])('keeps %s and flags it', async (_what, body, expected) => {
    const answer = await post('odd', body)
    expect(answer.status).toBe(200)
    const { items } = await api.captures.list({ route: 'odd', limit: 1 })
    expect(items[0]).toMatchObject(expected)
  })

  it('answers 413 for an oversize body and still records its first 64 KB', async () => {
    await api.receiver.updateSettings({ bodyLimitBytes: 100_000 })
    const answer = await post('big', Buffer.alloc(300_000, 0x7b))
    expect(answer.status).toBe(413)
    const { items } = await api.captures.list({ route: 'big', limit: 1 })
    expect(items[0]).toMatchObject({ size: 300_000, flags: ['oversize'], status: 413 })
    const detail = await api.captures.get({ id: items[0]?.id ?? '' })
    expect(detail.capture.request.body).toMatchObject({ truncated: true, size: 300_000 })
  })

  it('answers as its route says, and tells what Zendesk does next', async () => {
    await api.receiver.saveRoute({
      name: 'busy',
      answer: { status: 429, retryAfterSeconds: 5, delayMs: 0, close: false },
      strictSignature: false,
      profileId: null,
    })
    const answer = await post('busy', '{}')
    expect(answer.status).toBe(429)
    expect(answer.headers.get('retry-after')).toBe('5')
    const { items } = await api.captures.list({ route: 'busy', limit: 1 })
    const detail = await api.captures.get({ id: items[0]?.id ?? '' })
    expect(detail.capture.next).toMatchObject({ outcome: 'retry', retryInSeconds: 5 })
  })

  it('refuses unsigned requests with 401 in strict mode, capturing them anyway', async () => {
    await api.receiver.saveRoute({
      name: 'strict',
      answer: { status: 200, retryAfterSeconds: null, delayMs: 0, close: false },
      strictSignature: true,
      profileId: null,
    })
    expect((await post('strict', '{}')).status).toBe(401)
    expect((await api.captures.list({ route: 'strict' })).items).toHaveLength(1)
  })

  it('searches and pages the inbox from its index', async () => {
    for (let i = 0; i < 5; i++)
      await post('paged', `{"n": ${i}, "needle": "${i === 3 ? 'haystack' : 'x'}"}`)
    const first = await api.captures.list({ route: 'paged', limit: 2 })
    expect(first.items).toHaveLength(2)
    const second = await api.captures.list({
      route: 'paged',
      limit: 2,
      before: first.nextCursor ?? undefined,
    })
    expect(second.items).toHaveLength(2)
    expect((second.items[0]?.id ?? '') < (first.items[1]?.id ?? '')).toBe(true)
    const found = await api.captures.list({ search: 'HAYSTACK' })
    expect(found.items).toHaveLength(1)
  })

  it('saves captures as a set: one stable JSON file each, credentials masked', async () => {
    await post('set', '{"b":1,"a":2}', { authorization: 'Bearer braze-key-0123456789abcdef' })
    const { items } = await api.captures.list({ route: 'set' })
    const set = await api.captures.saveSet({ name: 'qa-smoke', ids: items.map((i) => i.id) })
    expect(set.count).toBe(1)
    const [file] = readdirSync(set.folder)
    const text = readFileSync(path.join(set.folder, file ?? ''), 'utf8')
    expect(text).not.toContain('braze-key-0123456789abcdef')
    expect(Object.keys(JSON.parse(text) as object)).toEqual(
      [...Object.keys(JSON.parse(text) as object)].sort(),
    )
    expect((await api.captures.sets()).map((s) => s.name)).toContain('qa-smoke')
  })

  it('points the Sandbox webhook back at Braze when the switch goes off', async () => {
    await api.receiver.updateSettings({ sandboxThroughReceiver: false })
    await vi.waitFor(() =>
      expect(engine.sandbox?.receiverUrl()).toBe(engine.sandbox?.urls.brazeTrack),
    )
    await api.receiver.updateSettings({ sandboxThroughReceiver: true })
    expect(engine.sandbox?.receiverUrl()).toBe(`${receiverUrl}/hooks/sandbox`)
  })

  it('keeps only as many captures as the retention setting says, and tells the inbox', async () => {
    const before = await api.receiver.settings()
    expect(before.retention).toEqual({ maxCount: 20_000, maxAgeDays: 30 })
    for (let i = 0; i < 104; i++) {
      const answer = await post('kept', `{"n":${i}}`)
      expect(answer.status).toBe(200)
    }
    const oldest = (await api.captures.list({ route: 'kept', limit: 200 })).items.at(-1)
    const events = await api.captures.events()
    const deleted = (async () => {
      for await (const event of events) if (event.type === 'deleted') return event.ids
      return []
    })()
    await api.receiver.updateSettings({ retention: { maxCount: 100, maxAgeDays: 30 } })
    expect(await deleted).toContain(oldest?.id)
    const page = await api.captures.list({ limit: 200 })
    expect(page.total).toBe(100)
    expect(page.items.map((item) => item.id)).not.toContain(oldest?.id)
    await post('kept', '{"n":"one more"}')
    expect((await api.captures.list({ limit: 200 })).total).toBe(100)
    await api.receiver.updateSettings({ retention: before.retention })
  })
})
