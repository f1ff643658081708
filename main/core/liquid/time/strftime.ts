import { formatOffset } from './zone'
import type { TimeFields } from './zoned-time'

/**
 * Ruby's strftime, which Braze's `date` uses (braze.md §2.2 points to strfti.me), including
 * `%s`, flags (`-` `_` `0` `^` `#`), widths and `%:z`.
 */

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** Directives that expand to other formats. */
const COMPOSITE: Record<string, string> = {
  c: '%a %b %e %H:%M:%S %Y',
  D: '%m/%d/%y',
  x: '%m/%d/%y',
  F: '%Y-%m-%d',
  T: '%H:%M:%S',
  X: '%H:%M:%S',
  R: '%H:%M',
  r: '%I:%M:%S %p',
  v: '%e-%^b-%Y',
  '+': '%a %b %e %H:%M:%S %Z %Y',
}

interface Piece {
  text: string
  /** Padding applied when no flag says otherwise; width 0 means none. */
  pad: '0' | ' ' | ''
  width: number
}

const DIRECTIVE = /%([-_0^#]*)(\d*)(:{0,2})([A-Za-z%+])/g

export function strftime(time: TimeFields, format: string): string {
  return format.replace(
    DIRECTIVE,
    (whole, flags: string, width: string, colons: string, letter: string) => {
      const composite = COMPOSITE[letter]
      if (composite !== undefined)
        return applyFlags({ text: strftime(time, composite), pad: '', width: 0 }, flags, width)
      const piece = directive(time, letter, colons, width)
      return piece ? applyFlags(piece, flags, width, letter) : whole
    },
  )
}

function directive(
  t: TimeFields,
  letter: string,
  colons: string,
  width: string,
): Piece | undefined {
  const num = (n: number, w: number, pad: '0' | ' ' = '0'): Piece => ({
    text: String(n),
    pad,
    width: w,
  })
  const hour12 = t.hour % 12 === 0 ? 12 : t.hour % 12
  switch (letter) {
    case 'Y':
      return num(t.year, 4)
    case 'C':
      return num(Math.floor(t.year / 100), 2)
    case 'y':
      return num(t.year % 100, 2)
    case 'm':
      return num(t.month, 2)
    case 'B':
      return { text: MONTHS[t.month - 1] ?? '', pad: '', width: 0 }
    case 'b':
    case 'h':
      return { text: (MONTHS[t.month - 1] ?? '').slice(0, 3), pad: '', width: 0 }
    case 'd':
      return num(t.day, 2)
    case 'e':
      return num(t.day, 2, ' ')
    case 'j':
      return num(t.yearDay, 3)
    case 'H':
      return num(t.hour, 2)
    case 'k':
      return num(t.hour, 2, ' ')
    case 'I':
      return num(hour12, 2)
    case 'l':
      return num(hour12, 2, ' ')
    case 'P':
      return { text: t.hour < 12 ? 'am' : 'pm', pad: '', width: 0 }
    case 'p':
      return { text: t.hour < 12 ? 'AM' : 'PM', pad: '', width: 0 }
    case 'M':
      return num(t.minute, 2)
    case 'S':
      return num(t.second, 2)
    case 'L':
      return { text: fraction(t.millisecond, Number(width) || 3), pad: '', width: 0 }
    case 'N':
      return { text: fraction(t.millisecond, Number(width) || 9), pad: '', width: 0 }
    case 'z':
      return { text: zoneOffset(t.offsetMinutes, colons.length), pad: '', width: 0 }
    case 'Z':
      return { text: t.zoneName, pad: '', width: 0 }
    case 'A':
      return { text: DAYS[t.weekday] ?? '', pad: '', width: 0 }
    case 'a':
      return { text: (DAYS[t.weekday] ?? '').slice(0, 3), pad: '', width: 0 }
    case 'u':
      return num(t.weekday === 0 ? 7 : t.weekday, 1)
    case 'w':
      return num(t.weekday, 1)
    case 'U':
      return num(Math.floor((t.yearDay - 1 - t.weekday + 7) / 7), 2)
    case 'W':
      return num(Math.floor((t.yearDay - 1 - ((t.weekday + 6) % 7) + 7) / 7), 2)
    case 'G':
      return num(isoWeek(t).year, 4)
    case 'g':
      return num(isoWeek(t).year % 100, 2)
    case 'V':
      return num(isoWeek(t).week, 2)
    case 's':
      return num(t.epochSeconds, 1)
    case 'n':
      return { text: '\n', pad: '', width: 0 }
    case 't':
      return { text: '\t', pad: '', width: 0 }
    case '%':
      return { text: '%', pad: '', width: 0 }
    default:
      return undefined
  }
}

function applyFlags(piece: Piece, flags: string, width: string, letter = ''): string {
  let { text } = piece
  if (flags.includes('^')) text = text.toUpperCase()
  if (flags.includes('#')) text = letter === 'p' ? text.toLowerCase() : swapCase(text)
  if (flags.includes('-') || letter === 'L' || letter === 'N') return text
  const pad = flags.includes('_') ? ' ' : flags.includes('0') ? '0' : piece.pad || ' '
  const target = width ? Number(width) : piece.width
  const negative = text.startsWith('-') && pad === '0'
  const digits = negative ? text.slice(1) : text
  const padded = digits.padStart(Math.max(target - (negative ? 1 : 0), 0), pad)
  return negative ? `-${padded}` : padded
}

function swapCase(text: string): string {
  return [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('')
}

function fraction(millisecond: number, digits: number): string {
  return String(millisecond).padStart(3, '0').padEnd(digits, '0').slice(0, digits)
}

function zoneOffset(minutes: number, colons: number): string {
  if (colons === 0) return formatOffset(minutes)
  const base = formatOffset(minutes, true)
  return colons === 1 ? base : `${base}:00`
}

/** ISO 8601 week number and week-based year. */
function isoWeek(t: TimeFields): { year: number; week: number } {
  const isoDay = t.weekday === 0 ? 7 : t.weekday
  const thursday = Date.UTC(t.year, t.month - 1, t.day + 4 - isoDay)
  const year = new Date(thursday).getUTCFullYear()
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / 604_800_000) + 1
  return { year, week }
}
