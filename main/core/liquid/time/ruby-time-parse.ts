import { UTC, type Zone } from './zone'

/**
 * The date strings Ruby's Time.parse reads, as Braze's `date` filter meets them (Ruby Liquid
 * passes any string that is not all digits to Time.parse, in UTC). Ruby reads `03/06/2021` and
 * `13-10-2022` day-first and `03/06/21` year-first; what it cannot read (`12/25/2021`) is not
 * a date, and the filter prints it unchanged. Each such reading comes with a note, so the
 * preview can warn that the format is ambiguous.
 */

export type DateReading = 'day-first' | 'year-first' | 'not-day-first'

export interface ParsedDate {
  epochMs: number
  zone: Zone
}

export interface TimeParse {
  /** Undefined when Ruby cannot read the text as a time. */
  time: ParsedDate | undefined
  /** Set when the text's numeric date could be read more than one way. */
  reading?: { kind: DateReading; text: string; meaning: string }
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?'
const ORDINAL = '(?:st|nd|rd|th)?'
/** Time::ZoneOffset: the only zone names Time.parse turns into an offset (hours). */
const ZONE_HOURS: Record<string, number> = {
  utc: 0,
  ut: 0,
  gmt: 0,
  z: 0,
  est: -5,
  edt: -4,
  cst: -6,
  cdt: -5,
  mst: -7,
  mdt: -6,
  pst: -8,
  pdt: -7,
}
const TIME = new RegExp(
  '(?:^|[\\sT])(\\d{1,2})(?::(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?\\s*(am|pm)?|\\s*(am|pm))' +
    '(?:\\s*(z|utc|ut|gmt|[a-z]{3,4}(?![a-z])|[+-]\\d{2}(?::?\\d{2})?))?(?=\\s|$)',
  'i',
)
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s*/i
const ISO_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(z)?$/i
const DAY_FIRST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/
const SHORT_YEAR_FIRST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2})$/
const MONTH_DAY = /^(\d{1,2})\/(\d{1,2})$/
const NAMED = new RegExp(
  `^(?:(\\d{1,2})${ORDINAL}[\\s-]+)?${MONTH}(?:[\\s-]+(\\d{1,2})${ORDINAL}(?![\\d]))?,?(?:[\\s-]+(\\d{4}|\\d{2}))?$`,
  'i',
)

interface Fields {
  year: number
  month: number
  day: number
}

export function parseRubyTime(input: string, now: Date): TimeParse {
  let text = input.trim().replace(WEEKDAY, '')
  let clock = { hour: 0, minute: 0, second: 0, millisecond: 0 }
  let zone: Zone = UTC
  let offsetMinutes = 0
  let hasTime = false
  const time = TIME.exec(text)
  if (time && (time[2] !== undefined || time[5] !== undefined || time[6] !== undefined)) {
    const [whole, h, mi, s, frac, meridian, bareMeridian, zoneText] = time
    let hour = Number(h ?? 0)
    const half = (meridian ?? bareMeridian)?.toLowerCase()
    if (half) {
      if (hour > 12) return { time: undefined }
      hour = (hour % 12) + (half === 'pm' ? 12 : 0)
    }
    clock = {
      hour,
      minute: Number(mi ?? 0),
      second: Number(s ?? 0),
      millisecond: Number(((frac ?? '') + '000').slice(0, 3)),
    }
    if (clock.minute > 59 || clock.second > 60) return { time: undefined }
    if (clock.hour > 24 || (clock.hour === 24 && clock.minute + clock.second > 0))
      return { time: undefined }
    if (zoneText) {
      const parsed = parseZoneText(zoneText)
      zone = parsed.zone
      offsetMinutes = parsed.offsetMinutes
    }
    hasTime = true
    text = (text.slice(0, time.index) + text.slice(time.index + whole.length)).trim()
  }
  const date = parseDate(text.replace(/,$/, ''), now)
  if (!date) return { time: undefined }
  if (!date.fields) return { time: undefined, ...(date.reading ? { reading: date.reading } : {}) }
  if (!hasTime && text === '') return { time: undefined }
  const { year, month, day } = date.fields
  const local = Date.UTC(
    year,
    month - 1,
    day,
    clock.hour,
    clock.minute,
    clock.second,
    clock.millisecond,
  )
  const result = { time: { epochMs: local - offsetMinutes * 60_000, zone } }
  return date.reading ? { ...result, reading: date.reading } : result
}

function parseZoneText(text: string): { zone: Zone; offsetMinutes: number } {
  const lower = text.toLowerCase()
  const hours = ZONE_HOURS[lower]
  if (hours === 0) return { zone: UTC, offsetMinutes: 0 }
  if (hours !== undefined) return fixed(hours * 60)
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(text)
  if (!numeric) return { zone: UTC, offsetMinutes: 0 }
  const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0)
  return fixed(numeric[1] === '-' ? -minutes : minutes)
}

/** A time parsed with an offset keeps it, and like Ruby's shows no zone name for `%Z`. */
function fixed(minutes: number): { zone: Zone; offsetMinutes: number } {
  return { zone: { kind: 'fixed', minutes, label: '' }, offsetMinutes: minutes }
}

interface DatePart {
  fields: Fields | undefined
  reading?: TimeParse['reading']
}

function parseDate(text: string, now: Date): DatePart | undefined {
  const today = {
    year: now.getUTCFullYear(),
    month: now.getUTCMonth() + 1,
    day: now.getUTCDate(),
  }
  if (text === '') return { fields: today }
  let m = ISO_DATE.exec(text)
  if (m) return valid({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) })
  m = DAY_FIRST.exec(text)
  if (m) return dayFirst(text, Number(m[1]), Number(m[3]), Number(m[4]))
  m = SHORT_YEAR_FIRST.exec(text)
  if (m) {
    const year = fullYear(Number(m[1]))
    const fields = valid({ year, month: Number(m[3]), day: Number(m[4]) })
    const meaning = fields.fields ? isoDate(fields.fields) : 'no date'
    return { ...fields, reading: { kind: 'year-first', text, meaning } }
  }
  m = MONTH_DAY.exec(text)
  if (m) return valid({ year: today.year, month: Number(m[1]), day: Number(m[2]) })
  m = NAMED.exec(text)
  if (m) {
    const month = MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1
    // `03-Jun-21`: with the day before the month, a number after it is the year.
    const dayBefore = m[1] !== undefined
    const after = dayBefore && m[4] === undefined ? undefined : m[3]
    const yearText = dayBefore && m[4] === undefined ? m[3] : m[4]
    const day = Number(m[1] ?? after ?? 1)
    const year =
      yearText === undefined
        ? today.year
        : yearText.length === 2
          ? fullYear(Number(yearText))
          : Number(yearText)
    return valid({ year, month, day })
  }
  return undefined
}

function dayFirst(text: string, day: number, month: number, year: number): DatePart {
  if (month > 12) {
    return {
      fields: undefined,
      reading: { kind: 'not-day-first', text, meaning: `day ${day} of month ${month}` },
    }
  }
  const result = valid({ year, month, day })
  if (day > 12 || day === month || !result.fields) return result
  return { ...result, reading: { kind: 'day-first', text, meaning: isoDate(result.fields) } }
}

/** Ruby rejects a month or day out of range, but rolls 30 February over into March. */
function valid(fields: Fields): DatePart {
  const ok = fields.month >= 1 && fields.month <= 12 && fields.day >= 1 && fields.day <= 31
  return { fields: ok ? fields : undefined }
}

/** Two-digit years as Ruby completes them: 69–99 are 1900s, the rest 2000s. */
function fullYear(year: number): number {
  return year >= 69 ? 1900 + year : 2000 + year
}

function isoDate(f: Fields): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${String(f.year).padStart(4, '0')}-${pad(f.month)}-${pad(f.day)}`
}
