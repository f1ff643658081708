import { RubyFloat, rubyFloat } from '../../../shared/numbers/ruby-float'

/**
 * Jobs and results cross to and from a worker by structured clone, which keeps numbers,
 * BigInts and Dates but not classes: a RubyFloat (a whole Float such as `2.0` in a user's
 * attributes, see liquid/numbers/ruby-float.ts) would arrive as a plain `{value: 2}`. It
 * travels as a Number object instead, which JSON never produces, and is a RubyFloat again on
 * the other side. Values without one are passed as they are, not copied.
 */
export function packFloats<T>(value: T): T {
  return rewrite(value, (item) => (item instanceof RubyFloat ? Object(item.value) : undefined))
}

export function unpackFloats<T>(value: T): T {
  return rewrite(value, (item) => (item instanceof Number ? rubyFloat(item.valueOf()) : undefined))
}

/**
 * A value as it crosses, with whether packing swapped anything: most results (a batch's
 * 10,000 rows) hold no Float, and the receiving thread (the serving thread, for results)
 * then skips the walk instead of visiting every object again.
 */
export interface Crossing<T> {
  value: T
  floats: boolean
}

export function crossing<T>(value: T): Crossing<T> {
  const packed = packFloats(value)
  return { value: packed, floats: packed !== value }
}

export function arrived<T>(message: Crossing<T>): T {
  return message.floats ? unpackFloats(message.value) : message.value
}

/** Copy-on-write walk of plain objects and arrays; `swap` gives a replacement or undefined. */
function rewrite<T>(value: T, swap: (item: unknown) => unknown): T {
  const swapped = swap(value)
  if (swapped !== undefined) return swapped as T
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined
    value.forEach((item: unknown, index) => {
      const next = rewrite(item, swap)
      if (next !== item) (copy ??= [...value])[index] = next
    })
    return (copy ?? value) as T
  }
  if (!isPlainObject(value)) return value
  let copy: Record<string, unknown> | undefined
  for (const [key, item] of Object.entries(value)) {
    const next = rewrite(item, swap)
    // defineProperty: a key may be "__proto__", which assignment would not store.
    if (next !== item)
      Object.defineProperty((copy ??= { ...value }), key, {
        value: next,
        enumerable: true,
        writable: true,
        configurable: true,
      })
  }
  return (copy ?? value) as T
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}
