import type { GivenAnswer, InvocationRef } from '../../../shared/contract/captures'
import type { HttpOutcome } from '../net/http-request'
import { headerValue } from '../net/raw-record'
import { HOP_BY_HOP_HEADERS } from '../net/hop-by-hop'
import { retryAfterSeconds } from '../net/retry-after'
import { zendeskNextStep } from '../../../shared/zendesk/next-step'

/** What the receiver answers Zendesk in transparent-proxy mode. */
export interface ProxiedAnswer {
  answer: GivenAnswer
  headers: Record<string, string>
  body: Buffer | string
}

/** Lines that describe Braze's connection or body framing, not its answer. */
const NOT_PASSED_ON = new Set([...HOP_BY_HOP_HEADERS, 'content-length'])

/** Proxy answers wait for Braze no longer than Zendesk waits for the receiver (12 s). */
export const PROXY_TIMEOUT_MS = 11_000

/**
 * Braze's answer, passed on to Zendesk as it came (status, headers, body), so Zendesk's retry
 * rules meet what they would meet in production; `elapsedMs` is how long Zendesk waited. When
 * Braze gave no answer the connection is closed, which Zendesk treats as a failure to retry, as
 * it would treat Braze's silence. When nothing was sent (`notSent`), the receiver says why, 502.
 */
export function proxyAnswer(
  outcome: HttpOutcome | null,
  elapsedMs: number,
  notSent: string | null,
  now: Date,
): ProxiedAnswer {
  if (outcome === null) {
    const reason = `Not forwarded: ${notSent ?? 'nothing was sent'}`
    return {
      answer: { status: 502, retryAfterSeconds: null, delayMs: 0, closed: false, reason },
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: reason }),
    }
  }
  if (outcome.kind === 'failed') {
    return {
      answer: {
        status: null,
        retryAfterSeconds: null,
        delayMs: Math.round(elapsedMs),
        closed: true,
        reason: `Braze gave no answer (${outcome.failure.message}): the connection is closed, as Zendesk would see Braze's silence.`,
      },
      headers: {},
      body: '',
    }
  }
  const headers: Record<string, string> = {}
  for (const [name, value] of outcome.headers) {
    if (!NOT_PASSED_ON.has(name.toLowerCase())) headers[name.toLowerCase()] = value
  }
  const status = outcome.status
  const retryAfter =
    status === 409 || status === 429 || status === 503
      ? (retryAfterSeconds(headerValue(outcome.headers, 'retry-after'), now) ?? null)
      : null
  return {
    answer: {
      status,
      retryAfterSeconds: retryAfter,
      delayMs: Math.round(elapsedMs),
      closed: false,
      reason: `Braze's own answer, passed on (transparent proxy): ${status} ${outcome.statusText}.`,
    },
    headers,
    body: outcome.body,
  }
}

/**
 * Whether the answer Zendesk gets loses the event in production: Zendesk gives up (a Braze 429
 * has no Retry-After, so it is never retried), or counts a 2xx delivered while Braze skipped
 * objects that nobody will send again.
 */
export function productionLossWarning(
  answer: GivenAnswer,
  invocation: InvocationRef,
  skippedObjects: number,
): string | null {
  const next = zendeskNextStep(answer, invocation.attempt)
  if (next.outcome === 'gives-up') return `In production this event would be lost: ${next.message}`
  if (next.outcome === 'delivered' && skippedObjects > 0)
    return `In production ${skippedObjects === 1 ? 'an object' : `${skippedObjects} objects`} would be lost: Zendesk counts a 2xx delivered and never retries it, though Braze skipped ${skippedObjects === 1 ? 'it' : 'them'}.`
  return null
}
