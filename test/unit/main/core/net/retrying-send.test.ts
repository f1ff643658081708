import { describe, expect, it, vi } from 'vitest'
import type { Attempt, Exchange } from '../../../../../shared/contract/exchanges'
import { recordExchange } from '../../../../../main/core/net/exchange-recorder'
import type {
  HttpAnswer,
  HttpClient,
  HttpOutcome,
  HttpRequest,
} from '../../../../../main/core/net/http-request'
import {
  backoffSeconds,
  retryingSend,
  type RetryPolicy,
  type RetryingSendOptions,
} from '../../../../../main/core/net/retrying-send'

/** The retrying send with a scripted client, a fake clock and a fake sleep: no sockets, no waits. */

const answer = (status: number, headers: Array<[string, string]> = []): HttpAnswer => ({
  kind: 'answered',
  status,
  statusText: '',
  headers,
  body: Buffer.from('{}'),
  bodySize: 2,
  timings: { total: 12 },
  answeredAfterMs: 10.5,
})
const timeout: HttpOutcome = {
  kind: 'failed',
  failure: { reason: 'timeout', message: 'zendesk.test did not answer in time.' },
  timings: { total: 200 },
}

function scriptedClient(outcomes: HttpOutcome[]) {
  const sent: HttpRequest[] = []
  const client: HttpClient = {
    headersFor: (request) => [['Host', 'zendesk.test'], ...request.headers],
    send: vi.fn((request: HttpRequest) => {
      sent.push(request)
      return Promise.resolve(outcomes.shift() ?? answer(201))
    }),
  }
  return { client, sent }
}

/** Retries any 429 or 5xx after 1 s, and a missing answer as "no answer". */
const policy: RetryPolicy = (outcome, attempt) =>
  outcome.kind === 'failed'
    ? { afterSeconds: backoffSeconds(attempt), reason: 'no-answer' }
    : outcome.status === 429 || outcome.status >= 500
      ? { afterSeconds: 1, reason: 'backoff' }
      : null

function setup(outcomes: HttpOutcome[], overrides: Partial<RetryingSendOptions> = {}) {
  const { client, sent } = scriptedClient(outcomes)
  const sleep = vi.fn((_ms: number, _signal?: AbortSignal) => Promise.resolve())
  const events: Array<[string, Attempt]> = []
  const snapshot = (name: string) => (attempt: Attempt) => {
    events.push([name, structuredClone(attempt)])
  }
  const options: RetryingSendOptions = {
    client,
    request: (n) => ({
      method: 'POST',
      url: 'https://zendesk.test/api/v2/tickets.json',
      headers: [
        ['Authorization', `Bearer token-for-attempt-${n}`],
        ['X-Attempt', String(n)],
      ],
      body: '{"ticket":{}}',
      timeoutMs: 1000,
    }),
    policy,
    maxAttempts: 3,
    maxWaitSeconds: 60,
    now: () => new Date('2026-11-25T10:00:00.000Z'),
    sleep,
    recorder: {
      pending: snapshot('pending'),
      completed: snapshot('completed'),
      waiting: snapshot('waiting'),
    },
    ...overrides,
  }
  return { options, sent, sleep, events, client }
}

describe('retrying send', () => {
  it('sends once when the policy is satisfied with the answer', async () => {
    const { options, sleep } = setup([answer(201)])
    const result = await retryingSend(options)
    expect(result).toMatchObject({ outcome: { status: 201 }, cancelled: false })
    expect(result.attempts).toHaveLength(1)
    expect(sleep).not.toHaveBeenCalled()
  })

  it('builds a fresh request for every attempt (a renewed token goes out on the retry)', async () => {
    const { options, sent } = setup([answer(503), answer(201)])
    await retryingSend(options)
    expect(sent.map((r) => r.headers[1])).toEqual([
      ['X-Attempt', '1'],
      ['X-Attempt', '2'],
    ])
  })

  it('waits as long as the policy says, then tries again', async () => {
    const { options, sleep } = setup([answer(429), answer(201)])
    const result = await retryingSend(options)
    expect(sleep).toHaveBeenCalledWith(1000, undefined)
    expect(result.attempts.map((a) => a.retry)).toEqual([
      { afterSeconds: 1, reason: 'backoff' },
      null,
    ])
  })

  it('backs off 1 s, then 2 s, for attempts that got no answer', async () => {
    const { options, sleep } = setup([timeout, timeout, timeout])
    const result = await retryingSend(options)
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([1000, 2000])
    expect(result.attempts.map((a) => a.retry?.reason ?? null)).toEqual([
      'no-answer',
      'no-answer',
      null,
    ])
  })

  it('stops after maxAttempts, returning the last outcome', async () => {
    const { options, client } = setup([answer(500), answer(502), answer(503), answer(201)])
    const result = await retryingSend(options)
    expect(client.send).toHaveBeenCalledTimes(3)
    expect(result.outcome).toMatchObject({ status: 503 })
  })

  it('does not sit out a wait longer than maxWaitSeconds, and says which it declined', async () => {
    const { options, sleep } = setup([answer(429)], {
      policy: () => ({ afterSeconds: 600, reason: 'retry-after' }),
    })
    const result = await retryingSend(options)
    expect(result.declinedWait).toEqual({ afterSeconds: 600, reason: 'retry-after' })
    expect(result.attempts).toHaveLength(1)
    expect(result.attempts[0]?.retry).toBeNull()
    expect(sleep).not.toHaveBeenCalled()
  })

  it('tells the recorder pending before each request, completed after, and each wait', async () => {
    const { options, events } = setup([answer(503), answer(201)])
    await retryingSend(options)
    expect(events.map(([name, a]) => `${name} #${a.attempt} ${a.state}`)).toEqual([
      'pending #1 pending',
      'completed #1 answered',
      'waiting #1 answered',
      'pending #2 pending',
      'completed #2 answered',
    ])
  })

  it('records the request as sent (headers from the client, credentials masked) and the answer', async () => {
    const { options } = setup([answer(201, [['Set-Cookie', 'session=abc']])])
    const [attempt] = (await retryingSend(options)).attempts
    expect(attempt?.request).toEqual({
      method: 'POST',
      url: 'https://zendesk.test/api/v2/tickets.json',
      headers: [
        ['Host', 'zendesk.test'],
        ['Authorization', 'Bearer ••••'],
        ['X-Attempt', '1'],
      ],
      body: { encoding: 'utf8', data: '{"ticket":{}}', size: 13, truncated: false },
      at: '2026-11-25T10:00:00.000000Z',
    })
    expect(attempt?.response).toMatchObject({
      status: 201,
      headers: [['Set-Cookie', '••••']],
      at: '2026-11-25T10:00:00.010500Z',
    })
    expect(attempt?.timings).toEqual({ total: 12 })
  })

  it('records a failure with its classified error and no response', async () => {
    const { options } = setup([timeout], { maxAttempts: 1 })
    const [attempt] = (await retryingSend(options)).attempts
    expect(attempt).toMatchObject({
      state: 'failed',
      response: null,
      error: { reason: 'timeout' },
      timings: { total: 200 },
    })
  })

  it('marks a response body cut at maxResponseBytes as truncated, with its whole size', async () => {
    const cut: HttpOutcome = { ...answer(200), body: Buffer.from('abc'), bodySize: 10 }
    const { options } = setup([cut])
    const [attempt] = (await retryingSend(options)).attempts
    expect(attempt?.response?.body).toEqual({
      encoding: 'utf8',
      data: 'abc',
      size: 10,
      truncated: true,
    })
  })

  it('stops during a wait when the signal fires, as cancelled', async () => {
    const controller = new AbortController()
    const { options, client } = setup([answer(503), answer(201)], {
      signal: controller.signal,
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(new Error('aborted')))
          controller.abort()
        }),
    })
    const result = await retryingSend(options)
    expect(result).toMatchObject({ cancelled: true, outcome: { status: 503 } })
    expect(client.send).toHaveBeenCalledTimes(1)
  })

  it('passes its signal to the request and does not retry once it fired', async () => {
    const controller = new AbortController()
    const cancelled: HttpOutcome = {
      kind: 'failed',
      failure: { reason: 'cancelled', message: 'cancelled' },
      timings: { total: 1 },
    }
    const { options, sent, client } = setup([cancelled], { signal: controller.signal })
    vi.mocked(client.send).mockImplementationOnce((request) => {
      sent.push(request)
      controller.abort()
      return Promise.resolve(cancelled)
    })
    const result = await retryingSend(options)
    expect(sent[0]?.signal).toBe(controller.signal)
    expect(result).toMatchObject({ cancelled: true })
    expect(client.send).toHaveBeenCalledTimes(1)
  })
})

describe('exchange recorder', () => {
  const base: Exchange = {
    id: '01J0000000000000000000000',
    kind: 'zendesk-ticket-create',
    startedAt: '2026-11-25T10:00:00.000Z',
    state: 'pending',
    profileId: 'p',
    idempotencyKey: null,
    authorization: 'profile',
    attempts: [],
    correlation: {},
  }

  it('saves the exchange pending before the request leaves, and done at the end', async () => {
    const saved: Exchange[] = []
    const recorder = recordExchange(structuredClone(base), (record) => {
      saved.push(structuredClone(record))
      return Promise.resolve()
    })
    const { options, client } = setup([answer(201)], { recorder })
    vi.mocked(client.send).mockImplementationOnce(() => {
      expect(saved.at(-1)).toMatchObject({ state: 'pending', attempts: [{ state: 'pending' }] })
      return Promise.resolve(answer(201))
    })
    await retryingSend(options)
    await recorder.finish()
    expect(saved.at(-1)).toMatchObject({ state: 'done', attempts: [{ state: 'answered' }] })
    expect(saved.map((s) => s.state)).toEqual(['pending', 'pending', 'done'])
  })

  it('saves nothing for a send that never attempted', async () => {
    const save = vi.fn(() => Promise.resolve())
    await recordExchange(structuredClone(base), save).finish()
    expect(save).not.toHaveBeenCalled()
  })
})
