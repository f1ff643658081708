import { describe, expect, it } from 'vitest'
import type { ZendeskSimulatorSettings } from '../../../../../../shared/contract/simulators'
import { defaultZendeskSettings } from '../../../../../../main/core/simulators/zendesk/default-settings'
import { ZendeskRateLimiter } from '../../../../../../main/core/simulators/zendesk/rate-limiter'

function limiter(change: (s: ZendeskSimulatorSettings) => void = () => undefined) {
  const settings = defaultZendeskSettings()
  change(settings)
  return new ZendeskRateLimiter(() => settings)
}

/** 12:00:17 UTC: 43 s before the minute ends. */
const t0 = Date.parse('2026-01-01T12:00:17Z')

describe('Zendesk rate limits (reference/zendesk.md §3)', () => {
  it('sends the plan budget in every header spelling Zendesk has used', () => {
    expect(limiter().check(t0).headers).toEqual({
      'x-rate-limit': '700',
      'x-rate-limit-remaining': '699',
      'rate-limit': '700',
      'rate-limit-remaining': '699',
      'rate-limit-reset': '43',
      'ratelimit-limit': '700',
      'ratelimit-remaining': '699',
      'ratelimit-reset': '43',
    })
  })

  it.each([
    ['essential', 10],
    ['team', 200],
    ['growth', 400],
    ['professional', 400],
    ['enterprise', 700],
    ['enterprise_plus', 2500],
    ['high_volume', 2500],
  ] as const)('gives the %s plan %i requests per minute', (plan, limit) => {
    const verdict = limiter((s) => (s.rateLimits.plan = plan)).check(t0)
    expect(verdict.headers['x-rate-limit']).toBe(String(limit))
  })

  it('answers "not allowed" with Retry-After seconds to the next minute once the budget is spent', () => {
    const rl = limiter((s) => (s.rateLimits.requestsPerMinute = 2))
    expect(rl.check(t0).allowed).toBe(true)
    expect(rl.check(t0 + 1000).allowed).toBe(true)
    const third = rl.check(t0 + 2000)
    expect(third).toMatchObject({ allowed: false, retryAfterSeconds: 41 })
    expect(third.headers['x-rate-limit-remaining']).toBe('0')
    expect(rl.check(Date.parse('2026-01-01T12:01:00Z')).allowed).toBe(true)
  })

  it('limits updates to 30 per 10 minutes per user per ticket', () => {
    const rl = limiter()
    const update = { ticketId: 9, userId: 1 }
    for (let i = 0; i < 30; i++) expect(rl.check(t0 + i * 1000, update).allowed).toBe(true)
    expect(rl.check(t0 + 31_000, update).allowed).toBe(false)
    expect(rl.check(t0 + 31_000, { ticketId: 10, userId: 1 }).allowed).toBe(true)
  })

  it('lets everything through when switched off', () => {
    const rl = limiter((s) => {
      s.rateLimits.enabled = false
      s.rateLimits.requestsPerMinute = 1
    })
    expect(rl.check(t0).allowed).toBe(true)
    expect(rl.check(t0).allowed).toBe(true)
  })
})
