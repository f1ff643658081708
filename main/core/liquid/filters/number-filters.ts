import type { FilterImplOptions } from 'liquidjs'
import { isFloat, plainNumber } from '../../../../shared/numbers/ruby-float'
import {
  abs,
  applyOperation,
  ceilOrFloor,
  clamp,
  round,
  stringToInteger,
} from '../numbers/ruby-math'
import { formatForOutput } from '../ruby-output'
import { ZonedTime } from '../time/zoned-time'

/**
 * Ruby Liquid's arithmetic (numbers/ruby-math.ts): nil and text that is not a number count as
 * 0, `"12abc"` as 12, Integer `divided_by` Integer floors, and any Float makes the result a
 * Float (braze.md §2.1, §8.7).
 */

/** Ruby's `to_i`: the leading integer of a string, the truncated number, else 0. */
export function toInteger(value: unknown): number {
  if (isFloat(value)) return Math.trunc(plainNumber(value))
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : 0
  if (typeof value === 'bigint') return Number(value)
  if (value instanceof ZonedTime) return Math.floor(value.epochMs / 1000)
  if (typeof value !== 'string') return 0
  return Number(stringToInteger(value))
}

/** `123456` → `123,456`; decimals kept; text that is not a number returned unchanged. */
export function withDelimiter(value: unknown): string {
  const text = formatForOutput(value)
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text.trim())
  if (!match) return text
  return `${match[1]}${(match[2] ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${match[3] ?? ''}`
}

export const numberFilters: Record<string, FilterImplOptions> = {
  plus: (a: unknown, b: unknown) => applyOperation(a, b, '+'),
  minus: (a: unknown, b: unknown) => applyOperation(a, b, '-'),
  times: (a: unknown, b: unknown) => applyOperation(a, b, '*'),
  divided_by: (a: unknown, b: unknown) => applyOperation(a, b, '/'),
  modulo: (a: unknown, b: unknown) => applyOperation(a, b, '%'),
  abs: (a: unknown) => abs(a),
  ceil: (a: unknown) => ceilOrFloor(a, 'ceil'),
  floor: (a: unknown) => ceilOrFloor(a, 'floor'),
  round: (a: unknown, digits: unknown) => round(a, digits),
  at_least: (a: unknown, b: unknown) => clamp(a, b, 'larger'),
  at_most: (a: unknown, b: unknown) => clamp(a, b, 'smaller'),
  /** Braze's money does not divide by 100: `145` → `145.00`; the `$` is the template's (§2.1). */
  money: (a: unknown) => Number(applyOperation(a, 0, '+').valueOf()).toFixed(2),
  number_with_delimiter: withDelimiter,
  to_i: (a: unknown) => toInteger(a),
}
