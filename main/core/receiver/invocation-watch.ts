import type { CaptureSummary, InvocationRef } from '../../../shared/contract/captures'

/** Zendesk's circuit breaker (https://developer.zendesk.com/documentation/webhooks/troubleshooting/). */
export const BREAKER_WINDOW_MS = 5 * 60_000
const BREAKER_MIN_REQUESTS = 100
const BREAKER_ERROR_RATE = 0.7
const BREAKER_MAX_ERRORS = 1000

export interface BreakerEstimate {
  webhookId: string
  requests: number
  errors: number
  /** 0–1; null with no requests in the window. */
  errorRate: number | null
  /** Whether Zendesk's breaker would have tripped on the answers the receiver gave. */
  tripped: boolean
  message: string
}

/**
 * Watches the invocations captures belong to, across restarts (it is rebuilt from the capture
 * index): a second arrival of the same attempt, or of an invocation already answered 2xx, is a
 * duplicate (Zendesk delivers at least once); an attempt lower than one seen, or an invocation
 * older than a later one already received from the same webhook, arrived out of order.
 */
export class InvocationWatch {
  private readonly attempts = new Map<string, Set<number>>()
  private readonly delivered = new Set<string>()
  private readonly newest = new Map<string, bigint>()
  private readonly count = new Map<string, number>()

  observe(ref: InvocationRef, status: number | null): Array<'duplicate' | 'out-of-order'> {
    if (!ref.invocationId) return []
    const key = `${ref.webhookId ?? ''}\u0000${ref.invocationId}`
    const flags: Array<'duplicate' | 'out-of-order'> = []
    const seen = this.attempts.get(key) ?? new Set<number>()
    const arrivals = (this.count.get(key) ?? 0) + 1
    this.count.set(key, arrivals)
    // Zendesk documents no attempt header: without one, arrivals are counted.
    const attempt = ref.attempt ?? arrivals
    if (seen.has(attempt) || this.delivered.has(key)) flags.push('duplicate')
    else if ([...seen].some((n) => n > attempt)) flags.push('out-of-order')
    const order = numericId(ref.invocationId)
    const webhook = ref.webhookId ?? ''
    const newest = this.newest.get(webhook)
    if (order !== null && seen.size === 0) {
      if (newest !== undefined && order < newest && !flags.includes('out-of-order'))
        flags.push('out-of-order')
      if (newest === undefined || order > newest) this.newest.set(webhook, order)
    }
    seen.add(attempt)
    this.attempts.set(key, seen)
    if (status !== null && status >= 200 && status < 300) this.delivered.add(key)
    return flags
  }

  /** Records the answer given after `observe` (a transparent proxy answers once Braze has). */
  answered(ref: InvocationRef, status: number | null): void {
    if (!ref.invocationId || status === null || status < 200 || status >= 300) return
    this.delivered.add(`${ref.webhookId ?? ''}\u0000${ref.invocationId}`)
  }

  /** How many arrivals an invocation has had, counting the latest (its attempt number). */
  arrivals(ref: InvocationRef): number {
    const key = `${ref.webhookId ?? ''}\u0000${ref.invocationId ?? ''}`
    return this.count.get(key) ?? 0
  }

  /** Replays the index at start, oldest first, so flags keep working after a restart. */
  rebuild(summaries: Iterable<CaptureSummary>): void {
    for (const s of summaries) {
      this.observe(
        {
          webhookId: s.webhookId,
          invocationId: s.invocationId,
          attempt: s.attempt,
          accountId: null,
        },
        s.status,
      )
    }
  }
}

function numericId(id: string): bigint | null {
  return /^\d{1,30}$/.test(id) ? BigInt(id) : null
}

/**
 * How close a webhook is to Zendesk's circuit breaker, from the answers the receiver gave in the
 * last five minutes: it trips at 70 % errors with at least 100 requests, or over 1,000 errors,
 * and then pauses deliveries for 5 s.
 */
export function breakerEstimate(
  webhookId: string,
  summaries: Iterable<CaptureSummary>,
  now: Date,
): BreakerEstimate {
  const since = now.getTime() - BREAKER_WINDOW_MS
  let requests = 0
  let errors = 0
  for (const s of summaries) {
    if (s.webhookId !== webhookId || Date.parse(s.receivedAt) < since) continue
    requests++
    if (s.status === null || s.status < 200 || s.status >= 300 || s.flags.includes('timed-out'))
      errors++
  }
  const errorRate = requests === 0 ? null : errors / requests
  const tripped =
    errors > BREAKER_MAX_ERRORS ||
    (requests >= BREAKER_MIN_REQUESTS && (errorRate ?? 0) >= BREAKER_ERROR_RATE)
  const rate = errorRate === null ? 'no requests' : `${Math.round(errorRate * 100)} % errors`
  const message = tripped
    ? `Zendesk's circuit breaker would trip: ${errors} errors in ${requests} requests over 5 minutes. It pauses this webhook for 5 s, and events in the pause may never be delivered.`
    : requests < BREAKER_MIN_REQUESTS
      ? `${rate} over the last 5 minutes (${requests} requests): below the 100 requests Zendesk's breaker needs before it can trip.`
      : `${rate} over the last 5 minutes (${requests} requests): the breaker trips at 70 %.`
  return { webhookId, requests, errors, errorRate, tripped, message }
}
