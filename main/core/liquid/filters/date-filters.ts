import type { FilterImplOptions } from 'liquidjs'
import type { FilterImpl } from './filter-this'
import { formatForOutput } from '../ruby-output'
import { nowOf } from '../runtime'
import { strftime } from '../time/strftime'
import { parseZone } from '../time/zone'
import { toZonedTime, ZonedTime } from '../time/zoned-time'

export const dateFilters: Record<string, FilterImplOptions> = {
  /**
   * Full strftime including `%s`; `'now'` is the render's clock in UTC; a value that is not a
   * time comes back unchanged, as in Ruby Liquid (braze.md §2.2).
   */
  date(this: FilterImpl, value: unknown, format: unknown) {
    const pattern = formatForOutput(format)
    if (pattern === '') return value
    const time = toZonedTime(value, nowOf(this.context))
    return time ? strftime(time.fields(), pattern) : value
  },
  /** `'now' | time_zone: ${time_zone} | date: '%H'`: the same instant, shown in that zone. */
  time_zone(this: FilterImpl, value: unknown, zoneName: unknown) {
    const time = toZonedTime(value, nowOf(this.context))
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
