import type { FilterImplOptions } from 'liquidjs'
import type { FilterImpl } from './filter-this'
import { formatForOutput, rubyToS } from '../ruby-output'
import { nowOf, report } from '../runtime'
import { strftime } from '../time/strftime'
import { parseZone } from '../time/zone'
import { readTime, ZonedTime, type TimeReading } from '../time/zoned-time'

const DATE_DOCS =
  'https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/filters#date-filter'

/** Warns, at the filter, that Braze reads this numeric date one way of several. */
function warnAmbiguous(filter: FilterImpl, reading: NonNullable<TimeReading['reading']>): void {
  const token = filter.token as unknown as { input: string; begin: number }
  const place = { input: token.input, offset: token.begin }
  const iso =
    'Store dates as ISO 8601 (2021-06-03 or 2021-06-03T17:13:41Z), which every reader takes the same way.'
  const messages: Record<typeof reading.kind, string> = {
    'day-first': `"${reading.text}" is ambiguous: Braze reads it day-first, as ${reading.meaning}; a month-first reading would give another date.`,
    'year-first': `"${reading.text}" is ambiguous: Braze reads a two-digit last part as year-first, as ${reading.meaning}.`,
    'not-day-first': `"${reading.text}" is not a date Braze can read: it reads this format day-first (${reading.meaning}), so date prints the text unchanged.`,
  }
  report(filter.context, {
    severity: 'warning',
    code: 'ambiguous-date',
    message: messages[reading.kind],
    fix: `${iso} See ${DATE_DOCS}`,
    place,
  })
}

export const dateFilters: Record<string, FilterImplOptions> = {
  /**
   * Full strftime including `%s`; `'now'` is the render's clock in UTC; a value that is not a
   * time comes back unchanged, as in Ruby Liquid (braze.md §2.2).
   */
  date(this: FilterImpl, value: unknown, format: unknown) {
    const pattern = rubyToS(format)
    if (pattern === '') return value
    const { time, reading } = readTime(value, nowOf(this.context))
    if (reading) warnAmbiguous(this, reading)
    return time ? strftime(time.fields(), pattern) : value
  },
  /** `'now' | time_zone: ${time_zone} | date: '%H'`: the same instant, shown in that zone. */
  time_zone(this: FilterImpl, value: unknown, zoneName: unknown) {
    const { time, reading } = readTime(value, nowOf(this.context))
    if (reading) warnAmbiguous(this, reading)
    if (!time) return value
    const zone = parseZone(zoneName)
    if (!zone) {
      throw new Error(
        `time_zone: "${formatForOutput(zoneName)}" is not a time zone; use an IANA name such as America/Chicago or an offset such as -0500.`,
      )
    }
    return new ZonedTime(time.epochMs, zone)
  },
}
