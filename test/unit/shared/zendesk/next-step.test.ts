import { describe, expect, it } from 'vitest'
import type { GivenAnswer } from '../../../../shared/contract/captures'
import { zendeskNextStep } from '../../../../shared/zendesk/next-step'

function answer(status: number | null, extra: Partial<GivenAnswer> = {}): GivenAnswer {
  return { status, retryAfterSeconds: null, delayMs: 0, closed: false, reason: '', ...extra }
}

describe("what Zendesk does after the receiver's answer", () => {
  it('counts any 2xx as delivered', () => {
    expect(zendeskNextStep(answer(202), 1).outcome).toBe('delivered')
  })

  it('retries a timeout up to five times, then gives up', () => {
    expect(zendeskNextStep(answer(200, { delayMs: 15_000 }), 1)).toMatchObject({
      outcome: 'retry',
      message: expect.stringMatching(/12 s timeout.*5 more times/),
    })
    expect(zendeskNextStep(answer(200, { delayMs: 15_000 }), 6).outcome).toBe('gives-up')
    expect(zendeskNextStep(answer(null, { closed: true }), 2).outcome).toBe('retry')
  })

  it('retries 409 up to three times', () => {
    expect(zendeskNextStep(answer(409), 3).outcome).toBe('retry')
    expect(zendeskNextStep(answer(409), 4).outcome).toBe('gives-up')
  })

  it('retries 429 and 503 only with a Retry-After under 60 s', () => {
    expect(zendeskNextStep(answer(429, { retryAfterSeconds: 5 }), 1)).toMatchObject({
      outcome: 'retry',
      retryInSeconds: 5,
    })
    expect(zendeskNextStep(answer(503, { retryAfterSeconds: 60 }), 1).outcome).toBe('gives-up')
    expect(zendeskNextStep(answer(429), 1).message).toMatch(/without Retry-After.*lost/)
  })

  it('does not retry other errors', () => {
    expect(zendeskNextStep(answer(500), 1).outcome).toBe('gives-up')
    expect(zendeskNextStep(answer(400), 1).outcome).toBe('gives-up')
  })
})
