/**
 * Braze REST error bodies (reference/braze.md §5.4). Braze's official docs give only placeholder
 * shapes; strings marked "3rd-party" come from the client fixtures braze.md cites, and those
 * marked "approximation" are ours where nothing is recorded. What each skipped `/users/track`
 * object's `type` says is Braze knowledge: main/core/braze/users-track/track-problems.ts.
 */

export interface TrackError {
  type: string
  input_array: 'attributes' | 'events' | 'purchases'
  index: number
}

/** 3rd-party: the fatal message when no object in the request is usable. */
export const NO_VALID_DATA =
  "Valid data must be provided in the 'attributes', 'events', or 'purchases' fields."

/** braze.md §5.4 table: fatal statuses. Bodies are approximations apart from the reason text. */
export function invalidApiKey(key: string): { message: string } {
  // Braze echoes the key (braze.md §9 Q1, unverified); it is masked so it never lands in a log.
  const shown = key === '' ? '' : key.length <= 8 ? '****' : `${key.slice(0, 4)}…${key.slice(-2)}`
  return { message: `Invalid API key: ${shown}` }
}
export const ACCESS_DENIED = { message: 'Access Denied' }
export const RATE_LIMITED = { message: 'Rate Limited' }
export const MAX_INPUT_LENGTH_EXCEEDED = { message: 'Max Input Length Exceeded' }
export const NOT_FOUND = { message: 'Not Found' }
export const METHOD_NOT_ALLOWED = { message: 'Method Not Allowed' }
export function invalidJson(reason: string): { message: string } {
  return { message: `Bad Request: the request body is not valid JSON (${reason})` }
}
export function serverError(status: number): { message: string } {
  const text: Record<number, string> = {
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  }
  return { message: text[status] ?? 'Server Error' }
}
