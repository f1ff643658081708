import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { receiverRoute, type Capture } from '../../../../../shared/contract/captures'
import type { Engine } from '../../../../../main/core/engine'
import { createTestEngine } from '../../../../helpers/engine'
import {
  startScriptedServer,
  type ScriptedReply,
  type ScriptedServer,
} from '../../../../helpers/scripted-server'
import { useTempDir } from '../../../../helpers/temp-dir'

const BODY = JSON.stringify({
  attributes: [{ external_id: 'u-1', plan: 'gold' }],
  events: [{ external_id: 'u-1', name: 'solved', time: '2026-01-31T09:30:00Z' }],
})

/** Auto-forward per route, against a stand-in Braze on loopback. */
describe('auto-forward from the receiver to Braze', () => {
  const tempDir = useTempDir('bridgebench-auto-forward-', 'file')
  let engine: Engine
  let braze: ScriptedServer
  let replies: ScriptedReply[] = []
  let receiverUrl = ''

  beforeAll(async () => {
    braze = await startScriptedServer(
      () => replies.shift() ?? { status: 201, body: { message: 'success' } },
    )
    engine = await createTestEngine(tempDir())
    receiverUrl = (await engine.inbox.start()).url
    for (const mode of ['proxy', 'capture-first'] as const) {
      engine.inbox.saveRoute({
        name: mode,
        answer: { status: 200, retryAfterSeconds: null, delayMs: 0, close: false },
        strictSignature: false,
        profileId: null,
        forward: {
          mode,
          profileId: null,
          url: braze.url,
          auth: 'capture',
          transform: null,
          triggerTemplateId: null,
          strictLint: false,
          readBack: false,
          readBackDelayMs: 0,
        },
      })
    }
  })
  afterAll(async () => {
    await engine.close()
    await braze.close()
  })
  beforeEach(() => {
    replies = []
    braze.seen.length = 0
  })

  const routeWith = (name: string, forward: Record<string, unknown>) =>
    engine.inbox.saveRoute(
      receiverRoute.parse({ name, forward: { mode: 'capture-first', url: braze.url, ...forward } }),
    )

  const post = (path: string, body = BODY) =>
    fetch(`${receiverUrl}/hooks/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer braze-key-1' },
      body,
    })

  async function latestCapture(route: string): Promise<Capture> {
    await engine.forwards.idle()
    const [item] = engine.captures.list({ route, limit: 1 }).items
    return (await engine.captures.get(item?.id ?? '')) as Capture
  }

  it('proxy: Zendesk gets Braze’s own answer, and the path, query, body and key go on', async () => {
    replies = [
      { status: 201, body: { message: 'success' }, headers: { 'X-RateLimit-Remaining': '9' } },
    ]
    const answer = await post('proxy/users/track?source=zendesk')
    expect(answer.status).toBe(201)
    expect(answer.headers.get('x-ratelimit-remaining')).toBe('9')
    expect(await answer.json()).toEqual({ message: 'success' })
    expect(braze.seen[0]).toMatchObject({ path: '/users/track?source=zendesk', body: BODY })
    expect(braze.seen[0]?.headers.authorization).toBe('Bearer braze-key-1')
    const capture = await latestCapture('proxy')
    expect(capture.answer.status).toBe(201)
    expect(capture.forward).toMatchObject({ state: 'forwarded', run: 'proxy', status: 201 })
  })

  it('proxy: warns that a Braze 429 without Retry-After would lose the event in production', async () => {
    const reset = String(Math.ceil(Date.now() / 1000) + 30)
    replies = [
      { status: 429, body: { message: 'rate limited' }, headers: { 'X-RateLimit-Reset': reset } },
    ]
    const answer = await post('proxy')
    expect(answer.status).toBe(429)
    const capture = await latestCapture('proxy')
    expect(capture.next.outcome).toBe('gives-up')
    expect(capture.forward?.warning).toMatch(/would be lost/)
    expect(braze.seen).toHaveLength(1)
  })

  it('capture-first: answers at once, then retries a 429 when X-RateLimit-Reset comes', async () => {
    const reset = String(Math.ceil(Date.now() / 1000) + 1)
    replies = [
      { status: 429, body: { message: 'rate limited' }, headers: { 'X-RateLimit-Reset': reset } },
      { status: 201, body: { message: 'success' } },
    ]
    const answer = await post('capture-first')
    expect(answer.status).toBe(200)
    const capture = await latestCapture('capture-first')
    expect(capture.forward).toMatchObject({ state: 'forwarded', run: 'capture-first', status: 201 })
    const exchange = await engine.exchanges.get(capture.forward?.exchangeId ?? '')
    expect(exchange?.attempts.map((a) => a.response?.status)).toEqual([429, 201])
    expect(exchange?.attempts[0]?.retry).toMatchObject({ reason: 'rate-limit-reset' })
    const waited =
      Date.parse(exchange?.attempts[1]?.request.at ?? '') -
      Date.parse(exchange?.attempts[0]?.request.at ?? '')
    expect(waited).toBeGreaterThanOrEqual(900)
  })

  it('capture-first: backs off on a 5xx and sends again', async () => {
    replies = [
      { status: 503, body: { message: 'unavailable' } },
      { status: 201, body: { message: 'success' } },
    ]
    await post('capture-first')
    const capture = await latestCapture('capture-first')
    expect(capture.forward?.state).toBe('forwarded')
    expect(braze.seen).toHaveLength(2)
  })

  it('counts a 2xx whose body lists errors as a failure, naming the skipped object', async () => {
    replies = [
      {
        status: 201,
        body: {
          message: 'success',
          errors: [{ type: "'time' is required", input_array: 'events', index: 0 }],
        },
      },
    ]
    await post('capture-first')
    const capture = await latestCapture('capture-first')
    expect(capture.forward).toMatchObject({ state: 'failed', status: 201 })
    const exchange = await engine.exchanges.get(capture.forward?.exchangeId ?? '')
    expect(exchange?.forward?.outcome?.refused).toEqual([
      expect.objectContaining({
        inputArray: 'events',
        index: 0,
        path: 'events[0]',
        at: { line: 1, column: 63 },
      }),
    ])
  })

  it('lints the body before forwarding and keeps the problems with the exchange', async () => {
    const body = JSON.stringify({
      attributes: [{ external_id: 'u-1', status: 'Solved', vip: 'true' }],
    })
    await post('capture-first', body)
    const capture = await latestCapture('capture-first')
    const exchange = await engine.exchanges.get(capture.forward?.exchangeId ?? '')
    expect(exchange?.forward?.lint.problems.map((p) => p.code)).toEqual([
      'zendesk-display-value',
      'boolean-as-string',
    ])
    expect(capture.forward?.state).toBe('forwarded')
  })

  it("sends the route transform's rendering of an event-subscription payload, and keeps it as a third body", async () => {
    const transform = [
      '{"events": [{',
      '  "external_id": {{ detail.requester_id | json }},',
      '  "name": "ticket_{{ event.current | downcase }}",',
      '  "time": {{ time | json }}',
      '}]}',
    ].join('\n')
    routeWith('events', { transform, auth: 'capture' })
    const payload = JSON.stringify({
      type: 'zen:event-type:ticket.status_changed',
      time: 'not a time',
      detail: { id: '35436', requester_id: 'u-9' },
      event: { current: 'SOLVED' },
    })
    await post('events', payload)
    const capture = await latestCapture('events')
    const sent = JSON.parse(braze.seen[0]?.body ?? '{}') as { events: Array<{ name: string }> }
    expect(sent.events[0]?.name).toBe('ticket_solved')
    const exchange = await engine.exchanges.get(capture.forward?.exchangeId ?? '')
    expect(exchange?.forward?.transform?.template).toBe(transform)
    expect(exchange?.forward?.transform?.body.data).toBe(braze.seen[0]?.body)
    expect(exchange?.correlation.ticketId).toBe('35436')
    const problem = exchange?.forward?.lint.problems.find((p) => p.code === 'time-invalid')
    expect(problem).toMatchObject({ code: 'time-invalid', templateAt: { line: 4, column: 3 } })
    expect(exchange?.forward?.lint.template).toMatchObject({ kind: 'transform' })
  })

  it("points problems at a saved trigger template's lines, and blocks in strict mode", async () => {
    const saved = engine.templates.save({
      name: 'Solved trigger',
      body: '{\n  "attributes": [{\n    "external_id": "{{ticket.requester.external_id}}",\n    "vip": "{{ticket.vip}}"\n  }]\n}',
    })
    routeWith('strict', { triggerTemplateId: saved.id, strictLint: true, auth: 'capture' })
    await post('strict', JSON.stringify({ attributes: [{ external_id: 'u-1', vip: 'true' }] }))
    const capture = await latestCapture('strict')
    expect(capture.forward?.state).toBe('blocked')
    expect(braze.seen).toHaveLength(0)
    const exchange = await engine.exchanges.get(capture.forward?.exchangeId ?? '')
    expect(exchange?.attempts).toEqual([])
    expect(exchange?.forward?.lint).toMatchObject({
      blocked: true,
      template: { kind: 'saved', name: 'Solved trigger' },
      problems: [
        expect.objectContaining({ code: 'boolean-as-string', templateAt: { line: 4, column: 5 } }),
      ],
    })
  })
})
