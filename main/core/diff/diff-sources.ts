import type { Capture } from '../../../shared/contract/captures'
import type { DiffMessage } from '../../../shared/contract/diffs'
import type { Exchange } from '../../../shared/contract/exchanges'

/** The parts of captures and exchanges a diff compares, as messages with a label. */

export function captureMessage(capture: Capture, label = `Captured ${capture.id}`): DiffMessage {
  return {
    label,
    startLine: `${capture.request.method} ${capture.request.url}`,
    headers: capture.request.headers,
    body: capture.request.body,
  }
}

export class NoAnswerError extends Error {
  constructor(exchange: Exchange, attempt: number, why: string) {
    super(
      `Exchange ${exchange.id} has no answer to compare for attempt ${attempt}: ${why}. Compare its request instead, or another attempt.`,
    )
    this.name = 'NoAnswerError'
  }
}

/** An exchange's request or response, of one attempt (the last by default). */
export function exchangeMessage(
  exchange: Exchange,
  part: 'request' | 'response',
  attemptNumber?: number,
  label?: string,
): DiffMessage {
  const n = attemptNumber ?? exchange.attempts.length
  const attempt = exchange.attempts[n - 1]
  if (!attempt) {
    throw new NoAnswerError(exchange, n, `it made ${exchange.attempts.length} attempt(s)`)
  }
  const title =
    label ??
    `${exchange.kind} ${exchange.id}${exchange.attempts.length > 1 ? ` (attempt ${n})` : ''}`
  if (part === 'request') {
    const { request } = attempt
    return {
      label: title,
      startLine: `${request.method} ${request.url}`,
      headers: request.headers,
      body: request.body,
    }
  }
  const response = attempt.response
  if (!response)
    throw new NoAnswerError(exchange, n, attempt.error?.message ?? 'it is still pending')
  return {
    label: title,
    startLine: `${response.status} ${response.statusText}`.trim(),
    headers: response.headers,
    body: response.body,
  }
}
