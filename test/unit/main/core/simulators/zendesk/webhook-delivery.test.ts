import { describe, expect, it, vi } from 'vitest'
import type { ZendeskSimulatorSettings } from '../../../../../../shared/contract/simulators'
import { defaultZendeskSettings } from '../../../../../../main/core/simulators/zendesk/default-settings'
import type { HttpOutcome, HttpRequest } from '../../../../../../main/core/net/http-request'
import type { ZdWebhook } from '../../../../../../main/core/simulators/zendesk/model'
import { WebhookDelivery } from '../../../../../../main/core/simulators/zendesk/webhook-delivery'
import { verifyZendeskWebhook } from '../../../../../../main/core/zendesk/webhook-signature'

const webhook: ZdWebhook = {
  id: '01HWEBHOOK0000000000000000',
  name: 'Braze',
  description: null,
  status: 'active',
  endpoint: 'http://127.0.0.1:9/users/track',
  httpMethod: 'POST',
  requestFormat: 'json',
  subscriptions: ['conditional_ticket_events'],
  authentication: { type: 'bearer_token', data: { token: 'braze-key' }, add_position: 'header' },
  customHeaders: {},
  signingSecret: 'secret-for-tests',
  createdAt: new Date(0),
  updatedAt: new Date(0),
  createdBy: '1',
  updatedBy: '1',
}

const response = (status: number, headers: Record<string, string> = {}): HttpOutcome => ({
  kind: 'answered',
  status,
  statusText: '',
  headers: Object.entries(headers),
  body: Buffer.alloc(0),
  bodySize: 0,
  timings: { total: 1 },
  answeredAfterMs: 1,
})

const timedOut = (): HttpOutcome => ({
  kind: 'failed',
  failure: { reason: 'timeout', message: 'slow' },
  timings: { total: 1 },
})

/** A request as the receiver would read it: headers by name, body as text. */
interface SentRequest {
  url: string
  method: string
  headers: Record<string, string>
  body: string
}

/** A clock that moves 5 s every time it is read, so each attempt has its own timestamp. */
function steppingClock() {
  let at = Date.parse('2026-01-01T00:00:00Z')
  return () => new Date((at += 5_000))
}

function delivery(
  results: HttpOutcome[],
  change: (s: ZendeskSimulatorSettings) => void = () => undefined,
  now: () => Date = () => new Date(),
  random: () => number = () => 0,
) {
  const settings = defaultZendeskSettings()
  settings.delivery.queueDelayMs = 0
  settings.delivery.retryDelayMs = 1
  change(settings)
  const sent: SentRequest[] = []
  const send = vi.fn((request: HttpRequest) => {
    sent.push({
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers),
      body: request.body?.toString() ?? '',
    })
    return Promise.resolve(results.shift() ?? response(200))
  })
  const subject = new WebhookDelivery({
    settings: () => settings,
    webhook: () => webhook,
    accountId: 123456,
    now,
    random,
    send,
    emit: () => undefined,
  })
  const job = { webhook, triggerId: 7, ticketId: 42, body: '{"a":1}', query: '' }
  return { subject, sent, send, job, settings }
}

async function settled(subject: WebhookDelivery) {
  await vi.waitFor(() => {
    const pending = subject
      .invocations()
      .filter((i) => ['queued', 'sending', 'retrying'].includes(i.status))
    expect(pending).toEqual([])
  })
  return subject.invocations()
}

describe('webhook delivery (reference/zendesk.md §5.4, §5.5, §5.7)', () => {
  it('sends Zendesk headers and a signature that verifies with the webhook secret', async () => {
    const { subject, sent, job } = delivery([response(200)])
    subject.enqueue(job)
    const [invocation] = await settled(subject)
    expect(invocation?.status).toBe('succeeded')
    const headers = sent[0]!.headers
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      'x-zendesk-account-id': '123456',
      'x-zendesk-webhook-id': webhook.id,
      'x-zendesk-webhook-invocation-id': invocation!.id,
      authorization: 'Bearer braze-key',
    })
    expect(headers['x-zendesk-webhook-signature-timestamp']).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    )
    const verdict = verifyZendeskWebhook({
      secret: webhook.signingSecret,
      timestamp: headers['x-zendesk-webhook-signature-timestamp'],
      signature: headers['x-zendesk-webhook-signature'],
      body: sent[0]!.body,
    })
    expect(verdict).toEqual({ ok: true })
  })

  it('masks credentials in the invocation log', async () => {
    const { subject, job } = delivery([response(200)])
    subject.enqueue(job)
    const [invocation] = await settled(subject)
    expect(invocation?.request.headers.authorization).toBe('Bearer ********')
  })

  it("retries a timeout up to 5 times, then fails with Zendesk's 504 wording", async () => {
    const timeouts = Array.from({ length: 7 }, timedOut)
    const { subject, send, job } = delivery(timeouts)
    subject.enqueue(job)
    const [invocation] = await settled(subject)
    expect(send).toHaveBeenCalledTimes(6)
    expect(invocation?.status).toBe('failed')
    expect(invocation?.attempts.map((a) => a.outcome)).toEqual(Array(6).fill('timeout'))
    expect(invocation?.attempts[5]?.error).toMatch(/^Failed: 504 Gateway Timeout/)
  })

  it('retries a 409 up to 3 times', async () => {
    const { subject, send, job } = delivery(Array.from({ length: 5 }, () => response(409)))
    subject.enqueue(job)
    await settled(subject)
    expect(send).toHaveBeenCalledTimes(4)
  })

  it('retries a 429 whose Retry-After is under 60 s, after that many seconds', async () => {
    const { subject, job } = delivery([response(429, { 'retry-after': '0' }), response(200)])
    subject.enqueue(job)
    const [invocation] = await settled(subject)
    expect(invocation?.attempts.map((a) => [a.statusCode, a.retryInMs])).toEqual([
      [429, 0],
      [200, null],
    ])
  })

  it('reads a Retry-After date on the simulator clock', async () => {
    const clock = () => new Date('2020-01-01T00:00:00Z')
    const later = response(503, { 'retry-after': 'Wed, 01 Jan 2020 00:00:30 GMT' })
    const { subject, job } = delivery([later], undefined, clock)
    subject.enqueue(job)
    await vi.waitFor(() => expect(subject.invocations()[0]?.attempts[0]?.retryInMs).toBe(30_000))
    subject.close()
  })

  it('does not retry a 503 whose Retry-After is 60 s or more, nor a 503 without one', async () => {
    const { subject, send, job } = delivery([response(503, { 'retry-after': '60' }), response(503)])
    subject.enqueue(job)
    subject.enqueue(job)
    const invocations = await settled(subject)
    expect(send).toHaveBeenCalledTimes(2)
    expect(invocations.map((i) => i.status)).toEqual(['failed', 'failed'])
  })

  it('does not retry other 4xx and 5xx answers', async () => {
    const { subject, send, job } = delivery([response(400), response(500)])
    subject.enqueue(job)
    subject.enqueue(job)
    await settled(subject)
    expect(send).toHaveBeenCalledTimes(2)
  })

  it('re-signs a retry with a fresh timestamp but keeps the invocation id by default', async () => {
    const retry = [timedOut(), response(200)]
    const { subject, sent, job } = delivery(retry, undefined, steppingClock())
    subject.enqueue(job)
    await settled(subject)
    const [first, second] = sent.map((request) => request.headers)
    expect(second!['x-zendesk-webhook-invocation-id']).toBe(
      first!['x-zendesk-webhook-invocation-id'],
    )
    expect(second!['x-zendesk-webhook-signature-timestamp']).not.toBe(
      first!['x-zendesk-webhook-signature-timestamp'],
    )
  })

  it('can keep the first signature and timestamp on retries instead (§9 Q3)', async () => {
    const retry = [timedOut(), response(200)]
    const keep = (s: ZendeskSimulatorSettings) => (s.delivery.resignOnRetry = false)
    const { subject, sent, job } = delivery(retry, keep, steppingClock())
    subject.enqueue(job)
    await settled(subject)
    const [first, second] = sent.map((request) => request.headers)
    expect(second!['x-zendesk-webhook-signature-timestamp']).toBe(
      first!['x-zendesk-webhook-signature-timestamp'],
    )
    expect(second!['x-zendesk-webhook-signature']).toBe(first!['x-zendesk-webhook-signature'])
  })

  it('logs invocations as circuit broken, unsent, while the breaker is open', async () => {
    const failures = Array.from({ length: 100 }, () => response(500))
    const { subject, send, job } = delivery(failures)
    for (let i = 0; i < 100; i++) subject.enqueue(job)
    await settled(subject)
    subject.enqueue(job)
    const invocations = await settled(subject)
    expect(send).toHaveBeenCalledTimes(100)
    expect(invocations.at(-1)).toMatchObject({
      status: 'circuit-broken',
      attempts: [{ outcome: 'circuit-broken' }],
    })
  })

  it('delivers a duplicate with the same invocation id when the fault is on', async () => {
    const { subject, sent, job } = delivery([], (s) => (s.faults.duplicateRate = 1))
    subject.enqueue(job)
    const invocations = await settled(subject)
    expect(invocations.map((i) => i.duplicate)).toEqual([false, true])
    expect(sent).toHaveLength(2)
    expect(sent[0]!.headers['x-zendesk-webhook-invocation-id']).toBe(
      sent[1]!.headers['x-zendesk-webhook-invocation-id'],
    )
  })

  it('lets a later invocation overtake an earlier one inside the reorder window', async () => {
    const draws = [0.9, 0]
    const reorder = (s: ZendeskSimulatorSettings) => (s.faults.reorderWindowMs = 100)
    const { subject, sent, job } = delivery([], reorder, undefined, () => draws.shift() ?? 0)
    subject.enqueue({ ...job, body: 'first' })
    subject.enqueue({ ...job, body: 'second' })
    await settled(subject)
    expect(sent.map((request) => request.body)).toEqual(['second', 'first'])
  })

  it('logs an invocation whose body could not be built as failed, without sending it', () => {
    const { subject, send, job } = delivery([])
    subject.reject(job, 'Placeholder rendering failed: boom')
    expect(send).not.toHaveBeenCalled()
    expect(subject.invocations()).toMatchObject([
      {
        status: 'failed',
        attempts: [{ outcome: 'cancelled', error: 'Placeholder rendering failed: boom' }],
      },
    ])
  })

  it('cancels queued invocations on close and sends nothing more', async () => {
    const { subject, send, job } = delivery([], (s) => (s.delivery.queueDelayMs = 60_000))
    subject.enqueue(job)
    subject.close()
    expect(subject.invocations()[0]?.status).toBe('cancelled')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(send).not.toHaveBeenCalled()
  })
})
