import type { RouteAnswer } from '../../../../shared/contract'
import { ZENDESK_TIMEOUT_MS } from '../../../../shared/zendesk/next-step'

/** The "slow" answer: longer than Zendesk's 12 s timeout, so Zendesk records a timeout and retries. */
export const SLOW_DELAY_MS = 15_000

export const ANSWER_STATUSES = [
  { status: 200, label: '200 OK' },
  { status: 409, label: '409 Conflict' },
  { status: 429, label: '429 Too Many Requests' },
  { status: 503, label: '503 Service Unavailable' },
  { status: 500, label: '500 Internal Server Error' },
] as const

/** Statuses that carry Retry-After (the ones Zendesk may retry). */
export const RETRY_AFTER_STATUSES = new Set([409, 429, 503])

/** `429 · Retry-After 5 s · after 15 s`, or `closes the connection`. */
export function describeAnswer(answer: RouteAnswer): string {
  const parts: string[] = []
  if (answer.close) parts.push('closes the connection')
  else {
    parts.push(String(answer.status))
    if (answer.retryAfterSeconds !== null) parts.push(`Retry-After ${answer.retryAfterSeconds} s`)
  }
  if (answer.delayMs > 0) {
    const slow = answer.delayMs >= ZENDESK_TIMEOUT_MS ? ' (Zendesk times out)' : ''
    parts.push(`after ${answer.delayMs / 1000} s${slow}`)
  }
  return parts.join(' · ')
}
