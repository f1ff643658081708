import { Drop } from 'liquidjs'
import { isFloat, plainNumber, RubyFloat } from '../../../shared/numbers/ruby-float'
import { isPlainObject } from './ruby-output'

/** Ruby's view of Liquid values: equality, ordering and `item[property]`, as filters need them. */

/** The data a value holds (namespace drops hold a hash). */
export function unwrapDrop(value: unknown): unknown {
  return value instanceof Drop ? value.valueOf() : value
}

function isNumeric(value: unknown): value is number | bigint | RubyFloat {
  return typeof value === 'number' || typeof value === 'bigint' || value instanceof RubyFloat
}

function numericValue(value: number | bigint | RubyFloat): number {
  return typeof value === 'bigint' ? Number(value) : plainNumber(value)
}

/** Ruby's `==`: numbers by value (2 == 2.0), arrays and hashes deeply, nothing across types. */
export function rubyEquals(a: unknown, b: unknown): boolean {
  const x = unwrapDrop(a) ?? null
  const y = unwrapDrop(b) ?? null
  if (isNumeric(x) && isNumeric(y)) return numericValue(x) === numericValue(y)
  if (Array.isArray(x) && Array.isArray(y))
    return x.length === y.length && x.every((item, i) => rubyEquals(item, y[i]))
  if (isPlainObject(x) && isPlainObject(y)) {
    const keys = Object.keys(x)
    return (
      keys.length === Object.keys(y).length &&
      keys.every((k) => Object.hasOwn(y, k) && rubyEquals(x[k], y[k]))
    )
  }
  return x === y
}

/** Ruby's `eql?`, which `uniq` uses: like `==`, except that 1 and 1.0 differ. */
export function rubyEql(a: unknown, b: unknown): boolean {
  const x = unwrapDrop(a) ?? null
  const y = unwrapDrop(b) ?? null
  if (isNumeric(x) && isNumeric(y) && isFloat(x) !== isFloat(y)) return false
  return rubyEquals(x, y)
}

/** Ruby's `<=>`: undefined when the two cannot be compared (a String and an Integer, nil). */
export function rubyCompare(a: unknown, b: unknown): number | undefined {
  const x = unwrapDrop(a) ?? null
  const y = unwrapDrop(b) ?? null
  if (isNumeric(x) && isNumeric(y)) return Math.sign(numericValue(x) - numericValue(y))
  if (typeof x === 'string' && typeof y === 'string') return compareBytes(x, y)
  if (Array.isArray(x) && Array.isArray(y)) {
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const order = rubyCompare(x[i], y[i])
      if (order !== 0) return order
    }
    return Math.sign(x.length - y.length)
  }
  return rubyEquals(x, y) ? 0 : undefined
}

/** Ruby compares strings byte by byte (UTF-8), which is code point order. */
function compareBytes(a: string, b: string): number {
  const x = Buffer.from(a, 'utf8')
  const y = Buffer.from(b, 'utf8')
  return Math.sign(Buffer.compare(x, y))
}

export const NO_INDEX = Symbol('no [] method')

/**
 * `item[property]` as Ruby evaluates it inside filters such as map and where: a hash's value
 * (nil when absent), a string's substring, NO_INDEX for values without `[]` (numbers, nil).
 * Throws for an array with a string index, as Ruby's TypeError does.
 */
export function indexInto(item: unknown, property: unknown): unknown {
  const data = unwrapDrop(item)
  if (isPlainObject(data)) {
    const key = typeof property === 'string' ? property : String(property)
    return Object.hasOwn(data, key) ? data[key] : undefined
  }
  if (item instanceof Drop) return (item as unknown as Record<string, unknown>)[String(property)]
  if (typeof data === 'string') {
    if (typeof property === 'string') return data.includes(property) ? property : undefined
    return undefined
  }
  if (Array.isArray(data)) {
    if (typeof property === 'number') return data.at(property)
    throw new Error(`cannot select the property '${String(property)}'`)
  }
  return NO_INDEX
}

export function isTruthy(value: unknown): boolean {
  const data = unwrapDrop(value)
  return data !== false && data !== null && data !== undefined
}
