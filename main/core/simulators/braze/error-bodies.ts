/**
 * Braze REST error bodies and `/users/track` error types (reference/braze.md §5.4). Braze's
 * official docs give only placeholder shapes; strings marked "3rd-party" come from the client
 * fixtures braze.md cites, and those marked "approximation" are ours where nothing is recorded.
 */

export interface TrackError {
  type: string
  input_array: 'attributes' | 'events' | 'purchases'
  index: number
}

/** 3rd-party: the fatal message when no object in the request is usable. */
export const NO_VALID_DATA =
  "Valid data must be provided in the 'attributes', 'events', or 'purchases' fields."

export const TRACK_ERRORS = {
  /** 3rd-party (the newer wording, which includes email and phone). */
  identifierRequired: "'external_id', 'braze_id', 'user_alias', 'email' or 'phone' is required",
  /** 3rd-party. */
  invalidEmail: "The value provided for the 'email' field is not a valid email.",
  /** Official (post_user_track.md): Braze refuses dummy ids such as "undefined". */
  blacklistedExternalId: 'provided external_id is blacklisted and disallowed',
  /** Approximations from here on. */
  notAnObject: 'Each item must be a JSON object',
  eventNameRequired: "'name' is required",
  timeRequired: "'time' is required",
  timeInvalid: "'time' must be an ISO 8601 time",
  reservedProperty: (key: string) => `'${key}' is a reserved event property and cannot be used`,
  propertyKeyInvalid: (key: string) =>
    `Property key '${key}' must be 1 to 255 characters and must not start with '$'`,
  propertyValueTooLong: (key: string) =>
    `The value of property '${key}' is longer than 255 characters`,
  productIdRequired: "'product_id' is required and must be at most 255 characters",
  currencyInvalid: "'currency' must be an ISO 4217 currency code",
  priceInvalid: "'price' is required and must be a number",
  quantityInvalid: "'quantity' must be an integer from 1 to 100",
  userAliasInvalid: "'user_alias' needs string 'alias_name' and 'alias_label'",
}

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
