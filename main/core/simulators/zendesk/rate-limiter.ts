import {
  ZENDESK_PLAN_REQUESTS_PER_MINUTE,
  type ZendeskSimulatorSettings,
} from '../../../../shared/contract/simulators'
import { FixedWindowCounter } from '../fixed-window-counter'

const MINUTE = 60_000
const TEN_MINUTES = 10 * MINUTE
/** Update Ticket endpoint limits (§3.2). */
const UPDATES_PER_TICKET_PER_USER = 30
const TICKET_UPDATES_PER_MINUTE = 100

export interface RateVerdict {
  allowed: boolean
  /** Sent on every answer (§3.3, §1.4): the account budget. */
  headers: Record<string, string>
  /** Seconds to wait, for `Retry-After` on a 429. */
  retryAfterSeconds: number
}

/**
 * The account-wide per-minute budget of the plan (§3.1), plus the Update Ticket limits of §3.2
 * when switched on. Windows are aligned to the clock so `ratelimit-reset` counts down as in §3.3.
 */
export class ZendeskRateLimiter {
  private readonly account = new FixedWindowCounter(700, MINUTE)
  private readonly ticketUpdates = new FixedWindowCounter(TICKET_UPDATES_PER_MINUTE, MINUTE)
  private readonly perTicketUser = new Map<string, FixedWindowCounter>()

  constructor(private readonly settings: () => ZendeskSimulatorSettings) {}

  check(nowMs: number, update?: { ticketId: number; userId: number }): RateVerdict {
    const { rateLimits } = this.settings()
    const limit = rateLimits.requestsPerMinute ?? ZENDESK_PLAN_REQUESTS_PER_MINUTE[rateLimits.plan]
    this.account.limit = limit
    if (!rateLimits.enabled) {
      return { allowed: true, headers: headers(limit, limit, 60), retryAfterSeconds: 0 }
    }
    const taken = this.account.take(nowMs)
    const reset = Math.max(1, Math.ceil(taken.resetMs / 1000))
    const base = headers(limit, taken.remaining, reset)
    if (!taken.allowed) return { allowed: false, headers: base, retryAfterSeconds: reset }
    if (update && rateLimits.ticketUpdateLimits) {
      const blocked = this.checkTicketUpdate(nowMs, update)
      if (blocked > 0) return { allowed: false, headers: base, retryAfterSeconds: blocked }
    }
    return { allowed: true, headers: base, retryAfterSeconds: 0 }
  }

  /** Seconds until the update may be retried, or 0 when it is within both limits. */
  private checkTicketUpdate(nowMs: number, update: { ticketId: number; userId: number }): number {
    const perMinute = this.ticketUpdates.take(nowMs)
    if (!perMinute.allowed) return Math.max(1, Math.ceil(perMinute.resetMs / 1000))
    const key = `${update.ticketId}:${update.userId}`
    let counter = this.perTicketUser.get(key)
    if (!counter) {
      counter = new FixedWindowCounter(UPDATES_PER_TICKET_PER_USER, TEN_MINUTES)
      this.perTicketUser.set(key, counter)
    }
    const taken = counter.take(nowMs)
    return taken.allowed ? 0 : Math.max(1, Math.ceil(taken.resetMs / 1000))
  }
}

/** Both spellings Zendesk has used: `x-rate-limit*`, `rate-limit*` (§1.4), `ratelimit-*` (§3.3). */
function headers(limit: number, remaining: number, resetSeconds: number): Record<string, string> {
  const l = String(limit)
  const r = String(remaining)
  const s = String(resetSeconds)
  return {
    'x-rate-limit': l,
    'x-rate-limit-remaining': r,
    'rate-limit': l,
    'rate-limit-remaining': r,
    'rate-limit-reset': s,
    'ratelimit-limit': l,
    'ratelimit-remaining': r,
    'ratelimit-reset': s,
  }
}
