import { describe, expect, it } from 'vitest'
import {
  parseHttpDate,
  rateLimitResetAt,
  rateLimitResetSeconds,
  retryAfterSeconds,
} from '../../../../../main/core/net/retry-after'

const now = new Date('2026-11-25T10:00:00Z')

describe('Retry-After', () => {
  it('reads delta-seconds as given', () => {
    expect(retryAfterSeconds('7', now)).toBe(7)
    expect(retryAfterSeconds(' 120 ', now)).toBe(120)
    expect(retryAfterSeconds('0', now)).toBe(0)
  })

  it('reads an HTTP date as the seconds left until it, on the injected clock', () => {
    expect(retryAfterSeconds('Wed, 25 Nov 2026 10:00:30 GMT', now)).toBe(30)
    expect(
      retryAfterSeconds('Wed, 25 Nov 2026 10:00:30 GMT', new Date('2026-11-25T10:00:20Z')),
    ).toBe(10)
  })

  it('rounds a part second up, so the wait is never too short', () => {
    expect(
      retryAfterSeconds('Wed, 25 Nov 2026 10:00:30 GMT', new Date('2026-11-25T10:00:00.400Z')),
    ).toBe(30)
  })

  it('reads a date that has passed as no wait at all', () => {
    expect(retryAfterSeconds('Tue, 24 Nov 2026 10:00:00 GMT', now)).toBe(0)
  })

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['a fraction', '1.5'],
    ['negative', '-3'],
    ['words', 'soon'],
    ['words with a number', 'soon 5'],
    ['an ISO date', '2026-11-25T10:00:30Z'],
    ['an impossible day', 'Mon, 31 Feb 2026 10:00:00 GMT'],
    ['a local time', 'Wed, 25 Nov 2026 10:00:30 CET'],
  ])('gives no answer for %s', (_label, value) => {
    expect(retryAfterSeconds(value, now)).toBeUndefined()
  })
})

describe('HTTP dates', () => {
  const instant = new Date('1994-11-06T08:49:37Z')

  it('accepts the three forms HTTP allows', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT', now)).toEqual(instant)
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', now)).toEqual(instant)
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994', now)).toEqual(instant)
  })

  it('puts a two-digit year no more than 50 years ahead', () => {
    expect(parseHttpDate('Friday, 01-Jan-27 00:00:00 GMT', now)?.getUTCFullYear()).toBe(2027)
    expect(parseHttpDate('Friday, 01-Jan-99 00:00:00 GMT', now)?.getUTCFullYear()).toBe(1999)
  })
})

describe("Braze's X-RateLimit-Reset", () => {
  const reset = String(Date.parse('2026-11-25T10:00:42Z') / 1000)

  it('reads UTC epoch seconds as the instant the limit resets', () => {
    expect(rateLimitResetAt(reset)).toEqual(new Date('2026-11-25T10:00:42Z'))
  })

  it('gives the seconds from the injected clock until then', () => {
    expect(rateLimitResetSeconds(reset, now)).toBe(42)
  })

  it('reads a reset already past as no wait at all', () => {
    expect(rateLimitResetSeconds(reset, new Date('2026-11-25T10:05:00Z'))).toBe(0)
  })

  it.each([undefined, '', 'soon', '-5', '0', 'Wed, 25 Nov 2026 10:00:30 GMT'])(
    'gives no answer for %j',
    (value) => {
      expect(rateLimitResetAt(value)).toBeUndefined()
      expect(rateLimitResetSeconds(value, now)).toBeUndefined()
    },
  )
})
