import { TokenKind, type FilterImplOptions } from 'liquidjs'
import type { FilterImpl } from './filter-this'
import { formatForOutput } from '../ruby-output'
import { ZonedTime } from '../time/zoned-time'

/**
 * Ruby Liquid's arithmetic: nil and text that is not a number count as 0, `"12abc"` as 12, and
 * integer `divided_by` integer floors (braze.md §2.1, §8.7).
 */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : 0
  if (value instanceof ZonedTime) return Math.floor(value.epochMs / 1000)
  if (typeof value === 'string') {
    if (/^\s*-?\d+\.\d+\s*$/.test(value)) return Number(value)
    return toInteger(value)
  }
  return 0
}

/** Ruby's `to_i`: the leading integer of a string, the truncated number, else 0. */
export function toInteger(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : 0
  if (value instanceof ZonedTime) return Math.floor(value.epochMs / 1000)
  if (typeof value !== 'string') return 0
  const match = /^\s*([+-]?\d+)/.exec(value.replace(/_(?=\d)/g, ''))
  return match ? Number(match[1]) : 0
}

function divide(dividend: number, divisor: number, integers: boolean): number {
  if (divisor === 0) throw new Error('divided by 0')
  return integers ? Math.floor(dividend / divisor) : dividend / divisor
}

/** Whether the filter's first argument was written as a decimal literal, e.g. `2.0`. */
function decimalLiteral(filter: FilterImpl): boolean {
  const arg = filter.token.args[0]
  if (!arg || Array.isArray(arg)) return false
  return arg.kind === TokenKind.Number && arg.getText().includes('.')
}

function roundHalfAway(value: number, digits: number): number {
  const factor = 10 ** digits
  return (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor
}

/** `123456` → `123,456`; decimals kept; text that is not a number returned unchanged. */
export function withDelimiter(value: unknown): string {
  const text = formatForOutput(value)
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text.trim())
  if (!match) return text
  return `${match[1]}${(match[2] ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${match[3] ?? ''}`
}

export const numberFilters: Record<string, FilterImplOptions> = {
  plus: (a: unknown, b: unknown) => toNumber(a) + toNumber(b),
  minus: (a: unknown, b: unknown) => toNumber(a) - toNumber(b),
  times: (a: unknown, b: unknown) => toNumber(a) * toNumber(b),
  divided_by(this: FilterImpl, a: unknown, b: unknown) {
    const dividend = toNumber(a)
    const divisor = toNumber(b)
    const integers =
      Number.isInteger(dividend) && Number.isInteger(divisor) && !decimalLiteral(this)
    return divide(dividend, divisor, integers)
  },
  modulo: (a: unknown, b: unknown) => {
    const divisor = toNumber(b)
    if (divisor === 0) throw new Error('divided by 0')
    const dividend = toNumber(a)
    return dividend - divisor * Math.floor(dividend / divisor)
  },
  abs: (a: unknown) => Math.abs(toNumber(a)),
  ceil: (a: unknown) => Math.ceil(toNumber(a)),
  floor: (a: unknown) => Math.floor(toNumber(a)),
  round: (a: unknown, digits: unknown) =>
    roundHalfAway(toNumber(a), Math.max(0, toInteger(digits ?? 0))),
  at_least: (a: unknown, b: unknown) => Math.max(toNumber(a), toNumber(b)),
  at_most: (a: unknown, b: unknown) => Math.min(toNumber(a), toNumber(b)),
  /** Braze's money does not divide by 100: `145` → `145.00`; the `$` is the template's (§2.1). */
  money: (a: unknown) => toNumber(a).toFixed(2),
  number_with_delimiter: withDelimiter,
  to_i: (a: unknown) => toInteger(a),
}
