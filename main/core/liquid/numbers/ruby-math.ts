import Decimal from 'decimal.js'
import { ZonedTime } from '../time/zoned-time'
import {
  isFloat,
  plainNumber,
  rubyFloat,
  type RubyFloat,
} from '../../../../shared/numbers/ruby-float'

/**
 * Ruby Liquid's math filters (Liquid::Utils.to_number and apply_operation): Integers stay exact
 * Integers; as soon as a Float or a decimal string takes part, both sides become BigDecimal
 * (a Float through its printed form, so 0.0725 is exactly 0.0725) and the result becomes a
 * Float again. That is why Braze prints `0.0725 | times: 100` as 7.25, not 7.249999999999999.
 */

const BigDecimal = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  modulo: Decimal.ROUND_FLOOR,
})
type BigDecimal = InstanceType<typeof BigDecimal>

/** A Liquid number: an exact Integer or a BigDecimal on its way to becoming a Float. */
export type LiquidNumber =
  { kind: 'integer'; value: bigint } | { kind: 'decimal'; value: BigDecimal }

const DECIMAL_STRING = /^-?\d+\.\d+$/

/** Ruby's String#to_i: optional blanks and sign, then digits (underscores between them). */
export function stringToInteger(text: string): bigint {
  const match = /^[\s]*([+-]?\d+(?:_\d+)*)/.exec(text)
  return match?.[1] ? BigInt(match[1].replaceAll('_', '')) : 0n
}

export function toLiquidNumber(value: unknown): LiquidNumber {
  if (isFloat(value)) return { kind: 'decimal', value: new BigDecimal(String(plainNumber(value))) }
  if (typeof value === 'number') return { kind: 'integer', value: BigInt(value) }
  if (typeof value === 'bigint') return { kind: 'integer', value }
  if (typeof value === 'string') {
    const text = value.trim()
    if (DECIMAL_STRING.test(text)) return { kind: 'decimal', value: new BigDecimal(text) }
    return { kind: 'integer', value: stringToInteger(value) }
  }
  // Braze's time attributes answer math filters with their epoch seconds (braze.md §1.4).
  if (value instanceof ZonedTime)
    return { kind: 'integer', value: BigInt(Math.floor(value.epochMs / 1000)) }
  return { kind: 'integer', value: 0n }
}

/** The Liquid value of a result: an Integer as a number (a BigInt past 2^53), else a Float. */
export function fromLiquidNumber(n: LiquidNumber): number | bigint | RubyFloat {
  if (n.kind === 'decimal') return rubyFloat(n.value.toNumber())
  const asNumber = Number(n.value)
  return Number.isSafeInteger(asNumber) ? asNumber : n.value
}

function asDecimal(n: LiquidNumber): BigDecimal {
  return n.kind === 'decimal' ? n.value : new BigDecimal(n.value.toString())
}

export class ZeroDivision extends Error {
  constructor() {
    super('divided by 0')
    this.name = 'ZeroDivisionError'
  }
}

export type Operation = '+' | '-' | '*' | '/' | '%'

/** `input <op> operand` as Ruby Liquid computes it. Throws ZeroDivision for `/ 0` and `% 0`. */
export function applyOperation(
  input: unknown,
  operand: unknown,
  op: Operation,
): number | bigint | RubyFloat {
  const a = toLiquidNumber(input)
  const b = toLiquidNumber(operand)
  if (a.kind === 'integer' && b.kind === 'integer')
    return fromLiquidNumber({ kind: 'integer', value: integerOperation(a.value, b.value, op) })
  const x = asDecimal(a)
  const y = asDecimal(b)
  if (op === '%' && y.isZero()) throw new ZeroDivision()
  // BigDecimal division by zero gives ±Infinity (NaN for 0/0) where Integer division raises.
  if (op === '/' && y.isZero())
    return rubyFloat(x.isZero() ? Number.NaN : x.isNegative() ? -Infinity : Infinity)
  const value =
    op === '+'
      ? x.plus(y)
      : op === '-'
        ? x.minus(y)
        : op === '*'
          ? x.times(y)
          : op === '/'
            ? x.dividedBy(y)
            : x.modulo(y)
  return fromLiquidNumber({ kind: 'decimal', value })
}

function integerOperation(a: bigint, b: bigint, op: Operation): bigint {
  if (op === '+') return a + b
  if (op === '-') return a - b
  if (op === '*') return a * b
  if (b === 0n) throw new ZeroDivision()
  // Ruby's Integer division and modulo floor toward negative infinity.
  const quotient = a / b
  const floored = a % b !== 0n && a < 0n !== b < 0n ? quotient - 1n : quotient
  return op === '/' ? floored : a - b * floored
}

export function abs(input: unknown): number | bigint | RubyFloat {
  const n = toLiquidNumber(input)
  return fromLiquidNumber(
    n.kind === 'integer'
      ? { kind: 'integer', value: n.value < 0n ? -n.value : n.value }
      : { kind: 'decimal', value: n.value.abs() },
  )
}

export function ceilOrFloor(input: unknown, direction: 'ceil' | 'floor'): number | bigint {
  const n = toLiquidNumber(input)
  if (n.kind === 'integer') return fromLiquidNumber(n) as number | bigint
  const whole = direction === 'ceil' ? n.value.ceil() : n.value.floor()
  return fromLiquidNumber({ kind: 'integer', value: BigInt(whole.toFixed(0)) }) as number | bigint
}

/**
 * `round: n`: half away from zero; an Integer for n <= 0, a Float otherwise (an Integer input
 * stays an Integer for n >= 0), as BigDecimal#round and Integer#round do.
 */
export function round(input: unknown, digits: unknown): number | bigint | RubyFloat {
  const n = toLiquidNumber(input)
  const d = toLiquidNumber(digits ?? 0)
  const places = Number(d.kind === 'integer' ? d.value : d.value.toFixed(0, Decimal.ROUND_DOWN))
  if (n.kind === 'integer' && places >= 0) return fromLiquidNumber(n)
  const scale = new BigDecimal(10).pow(places)
  const rounded = asDecimal(n)
    .times(scale)
    .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
    .dividedBy(scale)
  if (places > 0) return fromLiquidNumber({ kind: 'decimal', value: rounded })
  return fromLiquidNumber({ kind: 'integer', value: BigInt(rounded.toFixed(0)) })
}

/** at_least / at_most: the bound replaces the value when it is beyond it. */
export function clamp(
  input: unknown,
  bound: unknown,
  keep: 'larger' | 'smaller',
): number | bigint | RubyFloat {
  const value = toLiquidNumber(input)
  const limit = toLiquidNumber(bound)
  const cmp = asDecimal(limit).comparedTo(asDecimal(value))
  const useLimit = keep === 'larger' ? cmp > 0 : cmp < 0
  return fromLiquidNumber(useLimit ? limit : value)
}
