/** A time as written: the calendar year stays visible, since Braze treats years outside 0–3000 apart. */
export interface WrittenTime {
  time: Date
  /** The year as written (before any zone offset moves the instant across New Year). */
  year: number
}

const ISO_TIME =
  /^([+-]?\d{4,6})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.:](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC)?$/i
/** `MM/dd/yyyy`, a date Braze takes for custom attributes (month first, midnight UTC). */
const US_DATE = /^(\d{2})\/(\d{2})\/([+-]?\d{4,6})$/
/** `ddd MM dd HH:mm:ss.TZD YYYY`, e.g. `Thu 01 28 13:45:00.+01:00 2021`; the month may be a name. */
const DAY_NAME_TIME =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w* (\d{2}|[A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2})[. ](Z|[+-]\d{2}:?\d{2}|UTC|GMT) ([+-]?\d{4,6})$/i
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/**
 * An event's or purchase's `time` (braze.md §5.1): ISO 8601 (to the minute, second or fraction;
 * `Z`, an offset, or none = UTC) and Braze's `yyyy-MM-dd'T'HH:mm:ss:SSSZ`. Null when not a time.
 */
export function parseBrazeTime(text: string): Date | null {
  const written = readIso(text.trim())
  return written && written.year >= 0 && written.year <= 9999 ? written.time : null
}

/**
 * A custom attribute time, as a string or a nested `{"$time": …}` (braze.md §5.1,
 * https://www.braze.com/docs/api/objects_filters/user_attributes_object/): ISO 8601, Braze's
 * colon-millis form, `yyyy-MM-dd HH:mm:ss`, `yyyy-MM-dd`, `MM/dd/yyyy` and
 * `ddd MM dd HH:mm:ss.TZD YYYY`; a time without a zone is UTC. Null when the text is none of
 * them, or names a day that does not exist. Years outside 0–3000 are returned: the caller decides.
 */
export function parseAttributeTime(text: string): WrittenTime | null {
  const trimmed = text.trim()
  const iso = readIso(trimmed)
  if (iso) return iso
  const us = US_DATE.exec(trimmed)
  if (us) return build(us[3]!, us[1]!, us[2]!, '00', '00', '00', '0', 'Z')
  const named = DAY_NAME_TIME.exec(trimmed)
  if (!named) return null
  const [, month, day, hours, minutes, seconds, zone, year] = named
  const monthNumber = /^\d/.test(month!)
    ? month!
    : String(MONTHS.indexOf(month!.toLowerCase()) + 1).padStart(2, '0')
  return build(year!, monthNumber, day!, hours!, minutes!, seconds!, '0', zone!)
}

function readIso(text: string): WrittenTime | null {
  const match = ISO_TIME.exec(text)
  if (!match) return null
  const [, year, month, day, hours = '00', minutes = '00', seconds = '00', fraction = '0', zone] =
    match
  return build(year!, month!, day!, hours, minutes, seconds, fraction, zone ?? 'Z')
}

function build(
  yearText: string,
  monthText: string,
  dayText: string,
  hoursText: string,
  minutesText: string,
  secondsText: string,
  fraction: string,
  zone: string,
): WrittenTime | null {
  const year = Number(yearText)
  const month = Number(monthText)
  const day = Number(dayText)
  const hours = Number(hoursText)
  const minutes = Number(minutesText)
  const seconds = Number(secondsText)
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null
  if (hours > 23 || minutes > 59 || seconds > 59) return null
  const offset = offsetMinutes(zone)
  if (offset === null) return null
  const time = new Date(0)
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  time.setUTCFullYear(year, month - 1, day)
  time.setUTCHours(hours, minutes - offset, seconds, Number(fraction.padEnd(3, '0').slice(0, 3)))
  return Number.isNaN(time.getTime()) ? null : { time, year }
}

function offsetMinutes(zone: string): number | null {
  const upper = zone.toUpperCase()
  if (upper === 'Z' || upper === 'UTC' || upper === 'GMT') return 0
  const digits = zone.replace(':', '')
  const hours = Number(digits.slice(1, 3))
  const minutes = Number(digits.slice(3, 5))
  if (hours > 23 || minutes > 59) return null
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes)
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function daysIn(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}
