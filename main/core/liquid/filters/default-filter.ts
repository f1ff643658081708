import { Drop, type FilterImplOptions } from 'liquidjs'
import { isPlainObject } from '../ruby-output'

/**
 * Braze's `default` fires for nil, false and empty (string, array, hash) — but not for a
 * whitespace-only string such as `" "` (braze.md §1.7). `allow_false: true` keeps false.
 */
export function isDefaulted(value: unknown, allowFalse: boolean): boolean {
  const data = value instanceof Drop ? value.valueOf() : value
  if (data === null || data === undefined) return true
  if (data === false) return !allowFalse
  if (typeof data === 'string' || Array.isArray(data)) return data.length === 0
  if (isPlainObject(data)) return Object.keys(data).length === 0
  return false
}

export const defaultFilter: Record<string, FilterImplOptions> = {
  default: (value: unknown, fallback: unknown, ...options: unknown[]) => {
    const allowFalse = options.some(
      (o) => Array.isArray(o) && o[0] === 'allow_false' && o[1] === true,
    )
    return isDefaulted(value, allowFalse) ? fallback : value
  },
}
