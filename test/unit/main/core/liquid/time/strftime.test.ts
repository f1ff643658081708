import { describe, expect, it } from 'vitest'
import { strftime } from '../../../../../../main/core/liquid/time/strftime'
import { parseZone } from '../../../../../../main/core/liquid/time/zone'
import { toZonedTime, ZonedTime } from '../../../../../../main/core/liquid/time/zoned-time'

const NOW = new Date('2026-11-20T15:04:05Z')
// Thursday 3 June 2021, 17:13:41.250 UTC
const time = new ZonedTime(Date.UTC(2021, 5, 3, 17, 13, 41, 250))
const format = (pattern: string, at: ZonedTime = time) => strftime(at.fields(), pattern)

describe('strftime', () => {
  it.each([
    ['%Y-%m-%d %H:%M:%S', '2021-06-03 17:13:41'],
    ['%y %C %j', '21 20 154'],
    ['%a %A %b %B %h', 'Thu Thursday Jun June Jun'],
    ['%e|%-d|%_m|%-m', ' 3|3| 6|6'],
    ['%I %l %p %P', '05  5 PM pm'],
    ['%k|%-H', '17|17'],
    ['%u %w %U %W %V %G %g', '4 4 22 22 22 2021 21'],
    ['%s', '1622740421'],
    ['%L %3N %N', '250 250 250000000'],
    ['%z %:z %Z', '+0000 +00:00 UTC'],
    ['%F %T %D %R %r', '2021-06-03 17:13:41 06/03/21 17:13 05:13:41 PM'],
    ['%c', 'Thu Jun  3 17:13:41 2021'],
    ['%^a %^B %#p', 'THU JUNE pm'],
    ['%10Y|%-y|%%|%n|%t', '0000002021|21|%|\n|\t'],
    ['%Q', '%Q'],
  ])('%s → %s', (pattern, expected) => {
    expect(format(pattern)).toBe(expected)
  })

  it('shows a time in the zone it was moved to', () => {
    const chicago = new ZonedTime(time.epochMs, parseZone('America/Chicago'))
    expect(format('%H:%M %z %Z', chicago)).toBe('12:13 -0500 CDT')
  })
})

describe('toZonedTime', () => {
  it("reads 'now' and 'today' from the clock, in UTC", () => {
    expect(toZonedTime('now', NOW)?.epochMs).toBe(NOW.getTime())
  })

  it('reads epoch seconds, ISO 8601 and Ruby-style times; a time without a zone is UTC', () => {
    expect(toZonedTime(1622740421, NOW)?.epochMs).toBe(1622740421000)
    expect(toZonedTime('1622740421', NOW)?.epochMs).toBe(1622740421000)
    expect(toZonedTime('2021-06-03T17:13:41Z', NOW)?.epochMs).toBe(1622740421000)
    expect(toZonedTime('2021-06-03T19:13:41+02:00', NOW)?.epochMs).toBe(1622740421000)
    expect(toZonedTime('2021-06-03 17:13:41 UTC', NOW)?.epochMs).toBe(1622740421000)
    expect(toZonedTime('2021-06-03', NOW)?.epochMs).toBe(Date.UTC(2021, 5, 3))
  })

  it('prints like Ruby Time#to_s', () => {
    expect(String(time)).toBe('2021-06-03 17:13:41 UTC')
    expect(String(new ZonedTime(time.epochMs, parseZone('-0500')))).toBe(
      '2021-06-03 12:13:41 -0500',
    )
  })
})
