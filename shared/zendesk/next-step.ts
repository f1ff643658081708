import type { GivenAnswer, ZendeskNextStep } from '../contract/captures'

/** Zendesk waits this long for an answer, and the limits of its retries. */
export const ZENDESK_TIMEOUT_MS = 12_000
const TIMEOUT_RETRIES = 5
const CONFLICT_RETRIES = 3
const MAX_RETRY_AFTER_SECONDS = 60

/**
 * What Zendesk does after the answer the receiver gave, by its documented delivery rules
 * (https://developer.zendesk.com/documentation/webhooks/troubleshooting/#webhook-retries): a
 * timeout is retried up to 5 times, 409 up to 3, 429 and 503 only with a `Retry-After` under
 * 60 s, and any other error not at all. `attempt` is the attempt this capture was, when known.
 */
export function zendeskNextStep(answer: GivenAnswer, attempt: number | null): ZendeskNextStep {
  const retry = (limit: number, why: string, retryIn: number | null): ZendeskNextStep => {
    const retriesSoFar = attempt === null ? null : attempt - 1
    if (retriesSoFar !== null && retriesSoFar >= limit) {
      return {
        outcome: 'gives-up',
        message: `${why}: Zendesk retries that at most ${limit} times, and this was attempt ${attempt}, so it gives up. The event is not delivered.`,
        retryInSeconds: null,
      }
    }
    const left = retriesSoFar === null ? `up to ${limit}` : `${limit - retriesSoFar} more`
    return {
      outcome: 'retry',
      message: `${why}: Zendesk retries (${left} time${left === '1 more' ? '' : 's'})${retryIn === null ? '; its backoff is not documented' : ` in ${retryIn} s`}.`,
      retryInSeconds: retryIn,
    }
  }
  if (answer.closed || answer.status === null) {
    return retry(
      TIMEOUT_RETRIES,
      'The connection was closed without an answer (Zendesk logs a failure)',
      null,
    )
  }
  if (answer.delayMs >= ZENDESK_TIMEOUT_MS) {
    return retry(
      TIMEOUT_RETRIES,
      `The answer took ${Math.round(answer.delayMs / 1000)} s, longer than Zendesk's 12 s timeout (it logs 504 Gateway Timeout)`,
      null,
    )
  }
  const status = answer.status
  if (status >= 200 && status < 300) {
    return {
      outcome: 'delivered',
      message: `Answered ${status}: Zendesk counts it delivered.`,
      retryInSeconds: null,
    }
  }
  if (status === 409) return retry(CONFLICT_RETRIES, 'Answered 409 Conflict', null)
  if (status === 429 || status === 503) {
    const after = answer.retryAfterSeconds
    if (after === null) {
      return {
        outcome: 'gives-up',
        message: `Answered ${status} without Retry-After: Zendesk does not retry it, so the event is lost.`,
        retryInSeconds: null,
      }
    }
    if (after >= MAX_RETRY_AFTER_SECONDS) {
      return {
        outcome: 'gives-up',
        message: `Answered ${status} with Retry-After ${after} s: Zendesk retries only under 60 s, so the event is lost.`,
        retryInSeconds: null,
      }
    }
    return {
      outcome: 'retry',
      message: `Answered ${status} with Retry-After ${after} s: Zendesk retries in ${after} s.`,
      retryInSeconds: after,
    }
  }
  return {
    outcome: 'gives-up',
    message: `Answered ${status}: Zendesk does not retry ${status >= 500 ? 'server errors other than 503' : 'client errors other than 409 and 429'}, so the event is lost.`,
    retryInSeconds: null,
  }
}
