import { describe, expect, it } from 'vitest'
import type { RawHeaders } from '../../../../../shared/contract/raw-http'
import { captureFirstPolicy } from '../../../../../main/core/forward/forward-retry'
import type { HttpOutcome } from '../../../../../main/core/net/http-request'

const NOW = new Date('2026-01-31T09:30:00Z')
const policy = captureFirstPolicy(() => NOW)
const answered = (status: number, headers: RawHeaders = []): HttpOutcome => ({
  kind: 'answered',
  status,
  statusText: '',
  headers,
  body: Buffer.alloc(0),
  bodySize: 0,
  timings: { total: 1 },
  answeredAfterMs: 1,
})
const failedWith = (reason: 'refused' | 'timeout' | 'reset'): HttpOutcome => ({
  kind: 'failed',
  failure: { reason, message: reason },
  timings: { total: 1 },
})

describe("capture-first retries of a forward (Braze's rate limit and errors)", () => {
  it('waits on a 429 until X-RateLimit-Reset', () => {
    const reset = String(NOW.getTime() / 1000 + 42)
    expect(policy(answered(429, [['X-RateLimit-Reset', reset]]), 1)).toEqual({
      afterSeconds: 42,
      reason: 'rate-limit-reset',
    })
  })

  it('waits at least a second when the reset is already past', () => {
    const reset = String(NOW.getTime() / 1000 - 5)
    expect(policy(answered(429, [['X-RateLimit-Reset', reset]]), 1)?.afterSeconds).toBe(1)
  })

  it('backs off 1, 2, 4 s on a 5xx', () => {
    expect([1, 2, 3].map((n) => policy(answered(503), n)?.afterSeconds)).toEqual([1, 2, 4])
  })

  it('sends again when the request never reached Braze', () => {
    expect(policy(failedWith('refused'), 1)).toMatchObject({ reason: 'no-answer' })
  })

  it('gives up on a request that never reached Braze when told not to retry those (replays)', () => {
    const replay = captureFirstPolicy(() => NOW, { retryNeverArrived: false })
    expect(replay(failedWith('refused'), 1)).toBeNull()
    expect(replay(answered(503), 1)).toEqual({ afterSeconds: 1, reason: 'backoff' })
  })

  it('does not send again after a timeout, which may have reached Braze (events would duplicate)', () => {
    expect(policy(failedWith('timeout'), 1)).toBeNull()
  })

  it('does not retry a 2xx or a 400', () => {
    expect(policy(answered(201), 1)).toBeNull()
    expect(policy(answered(400), 1)).toBeNull()
  })
})
