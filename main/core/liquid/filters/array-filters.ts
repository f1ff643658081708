import type { FilterImplOptions } from 'liquidjs'
import { isFloat } from '../../../../shared/numbers/ruby-float'
import { isPlainObject, rubyToS } from '../ruby-output'
import {
  indexInto,
  isTruthy,
  NO_INDEX,
  rubyCompare,
  rubyEql,
  rubyEquals,
  unwrapDrop,
} from '../ruby-values'

/**
 * Ruby Liquid 5's array filters (Liquid::StandardFilters with its InputIterator): the input is
 * flattened if it is an array, wrapped if it is anything else, and `size`, `first`, `last`
 * answer as Ruby objects do with ActiveSupport loaded (`"abc" | first` is `a`).
 */

/** InputIterator: an array flattened, a hash as one item, nil as nothing, else one item. */
function items(input: unknown): unknown[] {
  const data = unwrapDrop(input)
  if (Array.isArray(data)) return data.flat(Infinity)
  if (data === null || data === undefined) return []
  return [data]
}

function sortWith(list: unknown[], compare: (a: unknown, b: unknown) => number): unknown[] {
  return [...list].sort(compare)
}

/** nil sorts last; other values that cannot be compared are an error, as in Ruby. */
function nilSafeCompare(a: unknown, b: unknown): number {
  const order = rubyCompare(a, b)
  if (order !== undefined) return order
  if (a === null || a === undefined) return 1
  if (b === null || b === undefined) return -1
  throw new Error('cannot sort values of incompatible types')
}

function nilSafeCasecmp(a: unknown, b: unknown): number {
  if (a === null || a === undefined) return 1
  if (b === null || b === undefined) return -1
  const x = rubyToS(a).toLowerCase()
  const y = rubyToS(b).toLowerCase()
  return x < y ? -1 : x > y ? 1 : 0
}

/** The property of each item, or undefined (Ruby's nil) when the item cannot be indexed. */
function propertyOf(item: unknown, property: unknown): unknown {
  const value = indexInto(item, property)
  return value === NO_INDEX ? undefined : value
}

/** `sort: "price"`: every item must be indexable, or Ruby returns nil. */
function sortByProperty(
  list: unknown[],
  property: unknown,
  compare: (a: unknown, b: unknown) => number,
): unknown[] | null {
  if (!list.every((item) => indexInto(item, property) !== NO_INDEX)) return null
  return sortWith(list, (a, b) => compare(propertyOf(a, property), propertyOf(b, property)))
}

function uniqBy(list: unknown[], key: (item: unknown) => unknown): unknown[] {
  const kept: unknown[] = []
  const keys: unknown[] = []
  for (const item of list) {
    const k = key(item)
    if (keys.some((seen) => rubyEql(seen, k))) continue
    keys.push(k)
    kept.push(item)
  }
  return kept
}

/** Ruby's `size`: a string's characters, an array's items, a hash's keys, 8 for an Integer. */
function size(input: unknown): number {
  const data = unwrapDrop(input)
  if (typeof data === 'string') return Array.from(data).length
  if (Array.isArray(data)) return data.length
  if (isPlainObject(data)) return Object.keys(data).length
  if ((typeof data === 'number' && !isFloat(data)) || typeof data === 'bigint') return 8
  return 0
}

function firstOrLast(input: unknown, end: 'first' | 'last'): unknown {
  const data = unwrapDrop(input)
  if (Array.isArray(data)) return end === 'first' ? data[0] : data.at(-1)
  if (typeof data === 'string') {
    const all = Array.from(data)
    return (end === 'first' ? all[0] : all.at(-1)) ?? ''
  }
  if (isPlainObject(data) && end === 'first') {
    const [entry] = Object.entries(data)
    return entry ? [entry[0], entry[1]] : undefined
  }
  return undefined
}

export const arrayFilters: Record<string, FilterImplOptions> = {
  size,
  first: (v: unknown) => firstOrLast(v, 'first'),
  last: (v: unknown) => firstOrLast(v, 'last'),
  join: (v: unknown, glue: unknown) =>
    items(v)
      .map((item) => rubyToS(item))
      .join(glue === undefined ? ' ' : rubyToS(glue)),
  reverse: (v: unknown) => items(v).reverse(),
  sort: (v: unknown, property: unknown) => {
    const list = items(v)
    if (list.length === 0) return []
    if (property === undefined || property === null) return sortWith(list, nilSafeCompare)
    return sortByProperty(list, property, nilSafeCompare)
  },
  sort_natural: (v: unknown, property: unknown) => {
    const list = items(v)
    if (list.length === 0) return []
    if (property === undefined || property === null) return sortWith(list, nilSafeCasecmp)
    return sortByProperty(list, property, nilSafeCasecmp)
  },
  where: (v: unknown, property: unknown, target: unknown) => {
    const list = items(v)
    if (list.some((item) => indexInto(item, property) === NO_INDEX)) return null
    if (target === undefined || target === null)
      return list.filter((item) => isTruthy(propertyOf(item, property)))
    return list.filter((item) => rubyEquals(propertyOf(item, property), target))
  },
  uniq: (v: unknown, property: unknown) => {
    const list = items(v)
    if (property === undefined || property === null) return uniqBy(list, (item) => item)
    if (list.some((item) => indexInto(item, property) === NO_INDEX)) return null
    return uniqBy(list, (item) => propertyOf(item, property))
  },
  map: (v: unknown, property: unknown) =>
    items(v).map((item) => (property === 'to_liquid' ? item : propertyOf(item, property))),
  compact: (v: unknown, property: unknown) => {
    const list = items(v)
    if (property === undefined || property === null)
      return list.filter((item) => item !== null && item !== undefined)
    if (list.some((item) => indexInto(item, property) === NO_INDEX)) return null
    return list.filter((item) => {
      const value = propertyOf(item, property)
      return value !== null && value !== undefined
    })
  },
  concat: (v: unknown, other: unknown) => {
    const extra = unwrapDrop(other)
    if (!Array.isArray(extra)) throw new Error('concat filter requires an array argument')
    return [...items(v), ...(extra as unknown[])]
  },
}
