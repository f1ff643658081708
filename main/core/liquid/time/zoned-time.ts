import { parseRubyTime, type TimeParse } from './ruby-time-parse'
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

/** What a value means as a time, and how an ambiguous date string was read. */
export interface TimeReading {
  time: ZonedTime | undefined
  reading?: TimeParse['reading']
}

/**
 * Reads a value as Ruby Liquid's `date` does (Liquid::Utils.to_date): a time as itself,
 * `'now'`/`'today'` as the render's clock (UTC, braze.md §2.2), an Integer or an all-digit
 * string as epoch seconds, any other string through Time.parse in UTC (time/ruby-time-parse.ts).
 * An undefined time means "not a time": the filter then returns its input unchanged.
 */
export function readTime(value: unknown, now: Date): TimeReading {
  if (value instanceof ZonedTime) return { time: value }
  if (value instanceof Date)
    return { time: Number.isNaN(value.getTime()) ? undefined : new ZonedTime(value.getTime()) }
  if (typeof value === 'number')
    return { time: Number.isInteger(value) ? new ZonedTime(value * 1000) : undefined }
  if (typeof value === 'bigint') return { time: new ZonedTime(Number(value) * 1000) }
  if (typeof value !== 'string' || value === '') return { time: undefined }
  const text = value.toLowerCase()
  if (text === 'now' || text === 'today') return { time: new ZonedTime(now.getTime()) }
  if (/^\d+$/.test(text)) return { time: new ZonedTime(Number(text) * 1000) }
  const parsed = parseRubyTime(text, now)
  const time = parsed.time ? new ZonedTime(parsed.time.epochMs, parsed.time.zone) : undefined
  return parsed.reading ? { time, reading: parsed.reading } : { time }
}

export function toZonedTime(value: unknown, now: Date): ZonedTime | undefined {
  return readTime(value, now).time
}
