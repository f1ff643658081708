import { describe, expect, it } from 'vitest'
import type { CaptureSummary } from '../../../../../shared/contract/captures'
import {
  breakerEstimate,
  InvocationWatch,
} from '../../../../../main/core/receiver/invocation-watch'

const ref = (invocationId: string, attempt: number | null = null) => ({
  webhookId: '01F1KRFQ6BG29CNWFR60NK5FNY',
  invocationId,
  attempt,
  accountId: '1',
})

describe('watching the invocations captures belong to', () => {
  it('counts arrivals as attempts when Zendesk sends no attempt number', () => {
    const watch = new InvocationWatch()
    watch.observe(ref('100'), 500)
    expect(watch.arrivals(ref('100'))).toBe(1)
    watch.observe(ref('100'), 200)
    expect(watch.arrivals(ref('100'))).toBe(2)
  })

  it('flags a redelivery of an invocation already answered 2xx as a duplicate', () => {
    const watch = new InvocationWatch()
    expect(watch.observe(ref('100'), 200)).toEqual([])
    expect(watch.observe(ref('100'), 200)).toEqual(['duplicate'])
  })

  it('flags an invocation that arrives after a later one as out of order', () => {
    const watch = new InvocationWatch()
    watch.observe(ref('101'), 200)
    expect(watch.observe(ref('100'), 200)).toEqual(['out-of-order'])
  })

  it('flags the same numbered attempt twice, and a lower attempt after a higher one', () => {
    const watch = new InvocationWatch()
    watch.observe(ref('7', 2), 500)
    expect(watch.observe(ref('7', 2), 500)).toEqual(['duplicate'])
    expect(watch.observe(ref('7', 1), 500)).toEqual(['out-of-order'])
  })
})

describe("estimating Zendesk's circuit breaker", () => {
  const now = new Date('2026-11-30T12:00:00Z')
  const summary = (status: number | null, secondsAgo: number): CaptureSummary => ({
    id: 'x',
    route: 'braze',
    receivedAt: new Date(now.getTime() - secondsAgo * 1000).toISOString(),
    method: 'POST',
    path: '/hooks/braze',
    size: 1,
    contentType: null,
    parseKind: 'json',
    parseOk: true,
    verdict: 'valid',
    webhookId: 'w',
    invocationId: null,
    attempt: null,
    status,
    flags: [],
    transport: 'direct',
    forward: null,
  })

  it('trips at 70 % errors once there are 100 requests in five minutes', () => {
    const answers = [
      ...Array.from({ length: 70 }, () => summary(500, 10)),
      ...Array.from({ length: 30 }, () => summary(200, 10)),
    ]
    expect(breakerEstimate('w', answers, now)).toMatchObject({
      requests: 100,
      errors: 70,
      tripped: true,
    })
    expect(breakerEstimate('w', answers.slice(1), now).tripped).toBe(false)
  })

  it('ignores answers older than five minutes', () => {
    const old = Array.from({ length: 200 }, () => summary(500, 301))
    expect(breakerEstimate('w', old, now)).toMatchObject({ requests: 0, tripped: false })
  })
})
