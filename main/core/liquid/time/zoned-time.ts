import { formatOffset, UTC, zoneAt, type Zone } from './zone'

/** A point in time plus the zone it is shown in: what `time_zone` returns and `date` formats. */
export class ZonedTime {
  constructor(
    readonly epochMs: number,
    readonly zone: Zone = UTC,
  ) {}

  fields(): TimeFields {
    const { offsetMinutes, abbreviation } = zoneAt(this.zone, this.epochMs)
    const local = new Date(this.epochMs + offsetMinutes * 60_000)
    const start = Date.UTC(local.getUTCFullYear(), 0, 1)
    const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate())
    return {
      year: local.getUTCFullYear(),
      month: local.getUTCMonth() + 1,
      day: local.getUTCDate(),
      hour: local.getUTCHours(),
      minute: local.getUTCMinutes(),
      second: local.getUTCSeconds(),
      millisecond: local.getUTCMilliseconds(),
      weekday: local.getUTCDay(),
      yearDay: Math.round((midnight - start) / 86_400_000) + 1,
      offsetMinutes,
      zoneName: abbreviation,
      epochSeconds: Math.floor(this.epochMs / 1000),
    }
  }

  /** Ruby's Time#to_s, which is what printing a time shows in Braze. */
  toString(): string {
    const f = this.fields()
    const pad = (n: number, width = 2) => String(n).padStart(width, '0')
    const date = `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)} ${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`
    return `${date} ${this.zone.kind === 'utc' ? 'UTC' : formatOffset(f.offsetMinutes)}`
  }
}

export interface TimeFields {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
  /** 0 = Sunday. */
  weekday: number
  yearDay: number
  offsetMinutes: number
  zoneName: string
  epochSeconds: number
}

const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i

/**
 * Reads what Braze's `date` accepts: 'now'/'today' (UTC, braze.md §2.2), epoch seconds as a
 * number or numeric string, and date strings (a time without a zone is UTC, braze.md §5.1).
 * Undefined means "not a time": the filter then returns its input unchanged, as Liquid does.
 */
export function toZonedTime(value: unknown, now: Date): ZonedTime | undefined {
  if (value instanceof ZonedTime) return value
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? undefined : new ZonedTime(value.getTime())
  if (typeof value === 'number')
    return Number.isFinite(value) ? new ZonedTime(value * 1000) : undefined
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  if (/^(now|today)$/i.test(text)) return new ZonedTime(now.getTime())
  if (/^-?\d+(\.\d+)?$/.test(text)) return new ZonedTime(Number(text) * 1000)
  const match = ISO_LIKE.exec(text)
  if (match) {
    const [, y, mo, d, h, mi, s, frac, zone] = match
    const ms = Number(((frac ?? '') + '000').slice(0, 3))
    const utc = Date.UTC(
      Number(y),
      Number(mo) - 1,
      Number(d),
      Number(h ?? 0),
      Number(mi ?? 0),
      Number(s ?? 0),
      ms,
    )
    return new ZonedTime(utc - zoneOffsetMinutes(zone) * 60_000)
  }
  const parsed = Date.parse(/(z|utc|gmt|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text} UTC`)
  return Number.isNaN(parsed) ? undefined : new ZonedTime(parsed)
}

function zoneOffsetMinutes(zone: string | undefined): number {
  if (!zone || /^(z|utc|gmt)$/i.test(zone)) return 0
  const digits = zone.replace(':', '')
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))
  return digits.startsWith('-') ? -minutes : minutes
}
