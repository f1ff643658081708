const ISO_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2})(?:[.:](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC)?$/i

/**
 * ISO 8601 (to the minute, second or fraction; `Z`, an offset, or none = UTC) and Braze's
 * `yyyy-MM-dd'T'HH:mm:ss:SSSZ` form (braze.md §5.1). Returns null when the text is not a time.
 */
export function parseBrazeTime(text: string): Date | null {
  const match = ISO_TIME.exec(text.trim())
  if (!match) return null
  const [, date, hm = '00:00', seconds = '00', fraction = '0', zone = 'Z'] = match
  const millis = fraction.padEnd(3, '0').slice(0, 3)
  const offset =
    zone.toUpperCase() === 'Z' || zone.toUpperCase() === 'UTC'
      ? 'Z'
      : zone.length === 5
        ? `${zone.slice(0, 3)}:${zone.slice(3)}`
        : zone
  const parsed = new Date(`${date}T${hm}:${seconds}.${millis}${offset}`)
  return Number.isNaN(parsed.getTime()) ? null : parsed
}
