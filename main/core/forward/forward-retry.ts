import type { HttpOutcome } from '../net/http-request'
import { headerValue } from '../net/raw-record'
import { rateLimitResetSeconds, retryAfterSeconds } from '../net/retry-after'
import { backoffSeconds, type RetryPolicy } from '../net/retrying-send'

/** Failures that prove the request never reached Braze: safe to send again. */
const NEVER_ARRIVED = new Set(['dns', 'refused', 'tls'])

/** Capture-first forwards are bounded: six attempts, no single wait over a minute. */
export const CAPTURE_FIRST_LIMITS = { maxAttempts: 6, maxWaitSeconds: 60, timeoutMs: 30_000 }

/**
 * When a capture-first forward tries again (https://www.braze.com/docs/api/api_limits/,
 * https://www.braze.com/docs/api/errors/): a 429 waits until Braze's `X-RateLimit-Reset` (its
 * only documented rate-limit advice; a `Retry-After`, should one come, is honoured next), a
 * 5xx backs off 1, 2, 4… s (Braze cannot replay a call that failed in an incident). A request
 * that may have reached Braze (a timeout, a reset) is not sent again: events would duplicate.
 * `retryNeverArrived: false` (replays) gives up on any failure without an answer as well.
 */
export function captureFirstPolicy(
  now: () => Date,
  options: { retryNeverArrived?: boolean } = {},
): RetryPolicy {
  const { retryNeverArrived = true } = options
  return (outcome: HttpOutcome, attempt: number) => {
    if (outcome.kind === 'failed') {
      return retryNeverArrived && NEVER_ARRIVED.has(outcome.failure.reason)
        ? { afterSeconds: backoffSeconds(attempt), reason: 'no-answer' }
        : null
    }
    if (outcome.status === 429) {
      const reset = rateLimitResetSeconds(headerValue(outcome.headers, 'x-ratelimit-reset'), now())
      // A reset already past (clocks differ) still waits a second, never a busy loop.
      if (reset !== undefined)
        return { afterSeconds: Math.max(1, reset), reason: 'rate-limit-reset' }
      const after = retryAfterSeconds(headerValue(outcome.headers, 'retry-after'), now())
      if (after !== undefined) return { afterSeconds: after, reason: 'retry-after' }
      return { afterSeconds: backoffSeconds(attempt), reason: 'backoff' }
    }
    if (outcome.status >= 500) return { afterSeconds: backoffSeconds(attempt), reason: 'backoff' }
    return null
  }
}
