import type {
  CaptureForward,
  ForwardOutcome,
  ForwardRun,
  RefusedObject,
} from '../../../shared/contract/forward'
import { JsonLocator, maskLiquid } from '../../../shared/json-locate'
import { jsonPath } from '../../../shared/json-path'
import { readTrackAnswer, type TrackAnswerError } from '../braze/users-track/track-response'
import { headerValue } from '../net/raw-record'
import { rateLimitResetAt } from '../net/retry-after'
import type { RetryingSendResult } from '../net/retrying-send'

/**
 * What a forward came to: Braze's answer read as `/users/track` answers are (a 2xx listing
 * `errors` is a failure of those objects), each refused object placed in the body and in the
 * template it came from, or why no answer came.
 */
export function forwardOutcome(
  sent: RetryingSendResult,
  body: string,
  template: string | null,
): ForwardOutcome {
  const { outcome } = sent
  if (outcome.kind === 'failed') {
    const stopped = sent.cancelled ? ' (the forward was cancelled)' : ''
    return failed(null, `${outcome.failure.message}${stopped}`)
  }
  const text = outcome.body.toString('utf8')
  const resetAt = rateLimitResetAt(headerValue(outcome.headers, 'x-ratelimit-reset'))
  const answer = readTrackAnswer(outcome.status, text, resetAt)
  const declined = sent.declinedWait
    ? ` Bridgebench stopped after ${sent.attempts.length} attempt${sent.attempts.length === 1 ? '' : 's'}: the next wait would have been ${sent.declinedWait.afterSeconds} s; forward it again later.`
    : ''
  if (answer.ok) {
    return {
      state: 'forwarded',
      status: outcome.status,
      message: `Braze accepted it (${outcome.status}); a 2xx means queued, not yet written.`,
      refused: [],
      warnings: [],
    }
  }
  return {
    ...failed(
      outcome.status,
      `${answer.problem ?? `Braze answered ${outcome.status}.`}${declined}`,
    ),
    refused: placeRefused(answer.errors, body, template),
  }
}

export function failed(status: number | null, message: string): ForwardOutcome {
  return { state: 'failed', status, message, refused: [], warnings: [] }
}

/** Each object Braze named (`input_array`, 0-based `index`), found in the body and template. */
export function placeRefused(
  errors: readonly TrackAnswerError[],
  body: string,
  template: string | null,
): RefusedObject[] {
  if (errors.length === 0) return []
  const inBody = new JsonLocator(body)
  const inTemplate = template ? new JsonLocator(maskLiquid(template)) : null
  return errors.map((error) => {
    const segments =
      error.inputArray === null
        ? []
        : error.index === null
          ? [error.inputArray]
          : [error.inputArray, error.index]
    return {
      type: error.type,
      inputArray: error.inputArray,
      index: error.index,
      path: jsonPath(segments),
      at: line(inBody.locate(segments, true)),
      templateAt: line(inTemplate?.locate(segments, true) ?? null),
    }
  })
}

/** The one line the Inbox and `listen` show for a capture's forward. */
export function captureForwardOf(
  run: ForwardRun,
  exchangeId: string | null,
  outcome: ForwardOutcome,
  warning: string | null,
  at: Date,
): CaptureForward {
  const message =
    outcome.state === 'forwarded'
      ? `forwarded → ${outcome.status}`
      : `${outcome.state}: ${outcome.message}`
  return {
    state: outcome.state,
    run,
    exchangeId,
    status: outcome.status,
    message,
    warning,
    at: at.toISOString(),
  }
}

function line(place: { line: number; column: number } | null) {
  return place ? { line: place.line, column: place.column } : null
}
