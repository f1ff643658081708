import { isInteger, parse, stringify } from 'lossless-json'
import { findTooDeepJson, JsonTooDeepError, MAX_JSON_DEPTH } from '../security/json-nesting'
import { formatFloat, RubyFloat, rubyFloat } from './ruby-float'

/**
 * JSON.parse as Ruby's JSON reads it: `2.0` and `1e3` stay Floats (a RubyFloat when whole),
 * `2` stays an Integer; integers beyond 2^53 become BigInts so no digit is lost. Throws
 * JsonTooDeepError before parsing text nested deeper than MAX_JSON_DEPTH (the parser recurses
 * once per level), and SyntaxError with the position, like JSON.parse; duplicate keys keep
 * the last value, as JSON.parse does.
 */
export function parseJsonKeepingFloats(text: string): unknown {
  const tooDeep = findTooDeepJson(text)
  if (tooDeep) {
    throw new JsonTooDeepError(`line ${tooDeep.line}, column ${tooDeep.column}`, MAX_JSON_DEPTH)
  }
  return parse(text, null, {
    parseNumber: numberFromJson,
    // The last of duplicate keys wins, as in JSON.parse and Ruby's JSON (lossless-json throws).
    onDuplicateKey: ({ newValue }) => newValue,
  })
}

/** One JSON number's text as parseJsonKeepingFloats reads it. */
export function numberFromJson(text: string): number | bigint | RubyFloat {
  if (!isInteger(text)) return rubyFloat(Number(text))
  const value = Number(text)
  return Number.isSafeInteger(value) ? value : BigInt(text)
}

const FLOAT_AS_JSON = [
  {
    test: (value: unknown) => value instanceof RubyFloat,
    // JSON has no NaN or Infinity: they are written as null, as JSON.stringify writes them.
    stringify: (value: unknown) => {
      const float = (value as RubyFloat).value
      return Number.isFinite(float) ? formatFloat(float) : 'null'
    },
  },
]

/**
 * JSON.stringify that writes a whole Float as `2.0` and a BigInt with all its digits, so
 * parseJsonKeepingFloats reads back what was written. `space` as for JSON.stringify.
 */
export function stringifyJsonKeepingFloats(value: unknown, space?: number | string): string {
  return stringify(value, undefined, space, FLOAT_AS_JSON) ?? 'null'
}

/**
 * structuredClone for JSON data that may hold RubyFloats (structuredClone turns class instances
 * into plain objects). RubyFloats are immutable, so they are shared, not copied.
 */
export function cloneKeepingFloats<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => cloneKeepingFloats(item)) as T
  if (value === null || typeof value !== 'object' || value instanceof RubyFloat) return value
  if (value instanceof Date) return new Date(value.getTime()) as T
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    // defineProperty, so a "__proto__" key stays data, as JSON.parse keeps it.
    Object.defineProperty(copy, key, {
      value: cloneKeepingFloats(item),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return copy as T
}
