import type { FilterImplOptions } from 'liquidjs'
import {
  parseJsonKeepingFloats,
  stringifyJsonKeepingFloats,
} from '../../../../shared/numbers/json-keeping-floats'
import { findTooDeepJson, nestedTooDeeply } from '../../../../shared/security/json-nesting'
import { formatForOutput, isPlainObject } from '../ruby-output'
import { ZonedTime } from '../time/zoned-time'
import { Drop } from 'liquidjs'

/** Plain JSON data for a value that may hold drops or times. */
function toJsonValue(value: unknown): unknown {
  if (value instanceof Drop) return toJsonValue(value.valueOf())
  if (value instanceof ZonedTime) return value.toString()
  if (Array.isArray(value)) return value.map(toJsonValue)
  if (isPlainObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonValue(v)]))
  return value ?? null
}

export const jsonFilters: Record<string, FilterImplOptions> = {
  /**
   * The exact set Braze escapes is undocumented (braze.md §9.4): we escape what JSON requires
   * inside a string — `"`, `\` and control characters such as newlines.
   */
  json_escape: (value: unknown) => JSON.stringify(formatForOutput(value)).slice(1, -1),
  json_parse: (value: unknown) => {
    const text = formatForOutput(value)
    // JSON.parse copes with any depth; printing or filtering the result recurses per level.
    const tooDeep = findTooDeepJson(text)
    if (tooDeep) {
      throw new Error(
        `json_parse: the input is ${nestedTooDeeply()} at its character ${tooDeep.offset + 1}.`,
      )
    }
    try {
      // As Ruby's JSON reads it: `2.0` stays a Float, so it prints as 2.0.
      return parseJsonKeepingFloats(text)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new Error(`json_parse: the input is not valid JSON (${reason}).`, { cause: error })
    }
  },
  /**
   * Compact JSON; Braze leaves whitespace and key order undocumented (braze.md §2.2). A whole
   * Float is written `2.0` and a big Integer with all its digits, as Ruby's to_json writes them.
   */
  as_json_string: (value: unknown) => stringifyJsonKeepingFloats(toJsonValue(value)),
  /** `{"a"=>42,"b"=>0} | property_accessor: 'a'` → `42`. */
  property_accessor: (value: unknown, key: unknown) => {
    const data = value instanceof Drop ? value.valueOf() : value
    if (!isPlainObject(data)) return undefined
    const name = formatForOutput(key)
    return Object.hasOwn(data, name) ? data[name] : undefined
  },
}
