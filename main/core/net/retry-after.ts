/**
 * How long a server asked us to wait, from the two headers the services use:
 * - `Retry-After` (Zendesk, any HTTP server): delta-seconds or an HTTP date
 *   (https://www.rfc-editor.org/rfc/rfc9110#name-retry-after);
 * - Braze's `X-RateLimit-Reset`: the UTC epoch second at which the limit resets
 *   (https://www.braze.com/docs/api/api_limits/).
 * Every answer is whole seconds from `now` (rounded up, never negative), or undefined when the
 * header is absent or unreadable: a caller then falls back to its own backoff.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** The three forms a recipient must accept (RFC 9110 §5.6.7); Date.parse alone takes "1.5" too. */
const HTTP_DATE_FORMS = [
  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (?<day>\d{2}) (?<month>[A-Za-z]{3}) (?<year>\d{4}) (?<time>\d{2}:\d{2}:\d{2}) GMT$/,
  // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (?<day>\d{2})-(?<month>[A-Za-z]{3})-(?<yy>\d{2}) (?<time>\d{2}:\d{2}:\d{2}) GMT$/,
  // asctime: Sun Nov  6 08:49:37 1994
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?<month>[A-Za-z]{3}) (?<day>[ \d]\d) (?<time>\d{2}:\d{2}:\d{2}) (?<year>\d{4})$/,
]

/** An HTTP date as an instant, or undefined when it is not one of the three HTTP forms. */
export function parseHttpDate(value: string, now: Date): Date | undefined {
  const text = value.trim()
  const parts = HTTP_DATE_FORMS.map((form) => form.exec(text)?.groups).find(Boolean)
  if (!parts) return undefined
  const day = Number(parts.day)
  const month = MONTHS.indexOf((parts.month ?? '').toLowerCase())
  const year = parts.yy === undefined ? Number(parts.year) : twoDigitYear(Number(parts.yy), now)
  const [h, m, s] = (parts.time ?? '').split(':').map(Number) as [number, number, number]
  if (month < 0 || h > 23 || m > 59 || s > 60) return undefined
  const at = new Date(Date.UTC(year, month, day, h, m, s))
  // Date.UTC rolls "31 Feb" over into March; a real date survives the round trip.
  return at.getUTCDate() === day ? at : undefined
}

/** RFC 9110: a two-digit year is the nearest one, never more than 50 years ahead. */
function twoDigitYear(yy: number, now: Date): number {
  const current = now.getUTCFullYear()
  const year = current - (current % 100) + yy
  if (year > current + 50) return year - 100
  return year < current - 50 ? year + 100 : year
}

/**
 * Seconds to wait from a `Retry-After` value: delta-seconds as given, an HTTP date as the time
 * left until it (0 when it has passed). Undefined when absent or not one of those forms.
 */
export function retryAfterSeconds(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text)
  const at = parseHttpDate(text, now)
  return at === undefined ? undefined : secondsUntil(at, now)
}

/** The instant Braze's `X-RateLimit-Reset` (UTC epoch seconds) names, or undefined. */
export function rateLimitResetAt(value: string | undefined): Date | undefined {
  const text = value?.trim() ?? ''
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined
  const seconds = Number(text)
  return seconds > 0 ? new Date(seconds * 1000) : undefined
}

/** Seconds from `now` until Braze's rate limit resets (0 when already past), or undefined. */
export function rateLimitResetSeconds(value: string | undefined, now: Date): number | undefined {
  const at = rateLimitResetAt(value)
  return at === undefined ? undefined : secondsUntil(at, now)
}

function secondsUntil(at: Date, now: Date): number {
  return Math.max(0, Math.ceil((at.getTime() - now.getTime()) / 1000))
}
