import { Drop } from 'liquidjs'
import { formatFloat, RubyFloat } from '../../../shared/numbers/ruby-float'
import { ZonedTime } from './time/zoned-time'

/**
 * How Braze prints values: a hash in Ruby inspect form (`{"a"=>1}`), an array as its elements
 * run together, nil as nothing (braze.md §1.7, §8.5).
 */
export function formatForOutput(value: unknown): string {
  if (typeof value === 'string') return value
  const plain = unwrap(value)
  if (typeof plain === 'string') return plain
  if (plain === null || plain === undefined) return ''
  if (Array.isArray(plain)) return plain.flat(Infinity).map(formatElement).join('')
  if (isPlainObject(plain)) return rubyInspect(plain)
  return scalarText(plain)
}

/** Numbers and booleans as text; a time prints as Ruby's Time#to_s. */
function scalarText(value: unknown): string {
  if (value instanceof ZonedTime) return value.toString()
  if (value instanceof RubyFloat) return formatFloat(value.value)
  if (typeof value === 'number') return numberText(value)
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : ''
}

function formatElement(value: unknown): string {
  const plain = unwrap(value)
  return isPlainObject(plain) ? rubyInspect(plain) : formatForOutput(plain)
}

/** An Integer as its digits, any other number as Ruby prints a Float. */
function numberText(value: number): string {
  if (!Number.isInteger(value)) return formatFloat(value)
  return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString()
}

/**
 * Ruby's `to_s`, which string filters apply to their input: unlike output, an array or hash
 * becomes its inspect form (`[1, 2]`), nil the empty string.
 */
export function rubyToS(value: unknown): string {
  if (typeof value === 'string') return value
  const plain = unwrap(value)
  if (plain === null || plain === undefined) return ''
  if (Array.isArray(plain) || isPlainObject(plain)) return rubyInspect(plain)
  return scalarText(plain)
}

/** Ruby's `inspect` (3.3 style, as Braze prints hashes). */
export function rubyInspect(value: unknown): string {
  const plain = unwrap(value)
  if (plain === null || plain === undefined) return 'nil'
  if (typeof plain === 'string') return rubyString(plain)
  if (typeof plain === 'number') return numberText(plain)
  if (plain instanceof RubyFloat) return formatFloat(plain.value)
  if (typeof plain === 'boolean' || typeof plain === 'bigint') return String(plain)
  if (Array.isArray(plain)) return `[${plain.map(rubyInspect).join(', ')}]`
  if (isPlainObject(plain)) {
    const pairs = Object.entries(plain).map(([k, v]) => `${rubyString(k)}=>${rubyInspect(v)}`)
    return `{${pairs.join(', ')}}`
  }
  return rubyString(scalarText(plain))
}

function rubyString(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/\r/g, '\\r')
    .replace(/#(?=[{$@])/g, '\\#')
  return `"${escaped}"`
}

/** Namespace drops print as the data they hold. */
function unwrap(value: unknown): unknown {
  return value instanceof Drop ? value.valueOf() : value
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}
