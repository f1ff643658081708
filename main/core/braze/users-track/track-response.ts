import { isRecord } from '../../../../shared/is-record'
import type { TrackArray } from './track-problems'

/** One entry of the answer's `errors`: the object Braze skipped, when it says which. */
export interface TrackAnswerError {
  type: string
  inputArray: TrackArray | null
  /** 0-based within `inputArray`. */
  index: number | null
}

export interface TrackAnswer {
  /** A 2xx whose message is "success" and that lists no errors: every object was queued. */
  ok: boolean
  status: number
  /** Braze's `message`, when the body has one. */
  message: string | null
  errors: TrackAnswerError[]
  /** What went wrong and what to do, in one line (null when ok). */
  problem: string | null
}

const ARRAYS = new Set<string>(['attributes', 'events', 'purchases'])

/**
 * Reads Braze's answer to `POST /users/track` (https://www.braze.com/docs/api/errors/): a 2xx
 * only means queued, and a 2xx that lists `errors` ({type, input_array, index}, index 0-based
 * in its own array) skipped those objects — a failure of theirs, not a success. Fatal statuses
 * get a message that says what to do. `resetAt` is Braze's X-RateLimit-Reset, when it sent one.
 */
export function readTrackAnswer(status: number, text: string, resetAt?: Date): TrackAnswer {
  const body = parseObject(text)
  const message = typeof body?.message === 'string' ? body.message : null
  const errors = Array.isArray(body?.errors) ? body.errors.map(errorOf) : []
  const answer = { status, message, errors }
  if (status >= 200 && status < 300) {
    if (errors.length === 0 && (message === null || message === 'success'))
      return { ...answer, ok: true, problem: null }
    const problem =
      errors.length > 0
        ? `Braze answered ${status} but skipped ${errors.length === 1 ? 'an object' : `${errors.length} objects`}: ${errors.map(describe).join('; ')}.`
        : `Braze answered ${status} with the message "${message}", not "success".`
    return { ...answer, ok: false, problem }
  }
  return { ...answer, ok: false, problem: fatal(status, message, errors, resetAt) }
}

function fatal(
  status: number,
  message: string | null,
  errors: TrackAnswerError[],
  resetAt: Date | undefined,
): string {
  const said = message ? ` ("${message}")` : ''
  const listed = errors.length > 0 ? ` It lists: ${errors.map(describe).join('; ')}.` : ''
  switch (status) {
    case 400:
      return `Braze refused the whole request (400${said}); nothing was processed.${listed}`
    case 401:
      return `Braze refused the API key (401${said}). Check the key (without quotes) and that the endpoint is your instance's: a key from another instance also gives 401.`
    case 403:
      return `The API key may not write users (403${said}): create a key with the users.track permission (keys cannot be edited).`
    case 404:
      return `There is no /users/track at this endpoint (404): check the Braze REST endpoint.`
    case 413:
      return `The body is too large for Braze (413): /users/track takes at most 4 MB.`
    case 429:
      return `Braze is rate limiting /users/track (429)${resetAt ? `; the limit resets at ${resetAt.toISOString()}` : ''}.`
    default:
      return status >= 500
        ? `Braze had a server error (${status}${said}); nothing was processed, and Braze does not replay it: send it again.`
        : `Braze answered ${status}${said}.`
  }
}

function describe(error: TrackAnswerError): string {
  const where =
    error.inputArray === null ? '' : `${error.inputArray}[${error.index ?? '?'}]`.concat(': ')
  return `${where}${error.type}`
}

function errorOf(entry: unknown): TrackAnswerError {
  if (!isRecord(entry)) return { type: String(entry), inputArray: null, index: null }
  const array = typeof entry.input_array === 'string' ? entry.input_array : ''
  const index = entry.index
  return {
    type: typeof entry.type === 'string' ? entry.type : JSON.stringify(entry),
    inputArray: ARRAYS.has(array) ? (array as TrackArray) : null,
    index: typeof index === 'number' && Number.isInteger(index) && index >= 0 ? index : null,
  }
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return isRecord(value) ? value : undefined
  } catch {
    return undefined
  }
}
