import { isRecord } from '../../../../shared/is-record'
import { parseAttributeTime } from './braze-time'

/** A nested attribute may be at most 100 KB (braze.md §5.1). */
export const NESTED_ATTRIBUTE_MAX_BYTES = 100 * 1024
/** Braze keeps times from year 0 to 3000; nested times outside are not stored (braze.md §5.1). */
const YEAR_MIN = 0
const YEAR_MAX = 3000
const TIME_KEY = '$time'
/** Keys inside a nested attribute have no spaces, `.` or `$` (braze.md §5.1). */
const BAD_KEY = /[\s.$]/
/** Array-of-objects operations Braze documents apart; not nested values, so not checked here. */
const ARRAY_OF_OBJECTS_OPS = new Set(['$add', '$remove', '$update'])

type Path = Array<string | number>

/** Why a nested attribute is invalid. One such value makes Braze drop every nested update. */
export interface NestedFault {
  code: 'nested-time-invalid' | 'nested-null' | 'nested-key-invalid' | 'nested-too-large'
  /** Relative to the attribute: [] is the attribute itself. */
  at: Path
  /** The offending key or time text, for the message. */
  detail: string
}

export interface NestedInspection {
  faults: NestedFault[]
  /** Times Braze leaves out because their year is outside 0–3000 (paths to the `$time` objects). */
  outOfRange: Path[]
}

/**
 * Whether a custom attribute's value is a nested attribute: an object (or an array holding
 * objects), and not one of the operations `inc`, `add`/`remove` or `$add`/`$remove`/`$update`.
 */
export function isNestedAttribute(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((item) => isRecord(item))
  if (!isRecord(value) || isIncrement(value) || isArrayEdit(value)) return false
  const keys = Object.keys(value)
  return keys.length === 0 || !keys.every((key) => ARRAY_OF_OBJECTS_OPS.has(key))
}

/** `{"inc": n}`: adds n to a number attribute (§5.1). */
export function isIncrement(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value)
  return keys.length === 1 && keys[0] === 'inc' && typeof value.inc === 'number'
}

/** `{"add": […], "remove": […]}`: edits an array attribute (§5.1). */
export function isArrayEdit(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value)
  return keys.length > 0 && keys.every((key) => key === 'add' || key === 'remove')
}

/**
 * What Braze makes of one nested attribute (braze.md §5.1, nested custom attributes): a `$time`
 * Braze cannot read, a null, a key with a space, `.` or `$`, or more than 100 KB makes it
 * invalid; a `$time` whose year is outside 0–3000 is only left out.
 */
export function inspectNested(value: unknown): NestedInspection {
  const inspection: NestedInspection = { faults: [], outOfRange: [] }
  const size = Buffer.byteLength(JSON.stringify(value) ?? '')
  if (size > NESTED_ATTRIBUTE_MAX_BYTES) {
    inspection.faults.push({
      code: 'nested-too-large',
      at: [],
      detail: `${Math.ceil(size / 1024)} KB`,
    })
  }
  walk(value, [], inspection)
  return inspection
}

/**
 * The nested value as Braze stores it: times with a year outside 0–3000 left out; undefined when
 * the value is itself such a time, so nothing is stored.
 */
export function storableNested(value: unknown): unknown {
  return isOutOfRangeTime(value) ? undefined : keptPart(value)
}

function keptPart(value: unknown): unknown {
  if (Array.isArray(value))
    return value.filter((item) => !isOutOfRangeTime(item)).map((item) => keptPart(item))
  if (!isRecord(value) || isTime(value)) return value
  const kept: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value))
    if (!isOutOfRangeTime(item)) kept[key] = keptPart(item)
  return kept
}

function walk(value: unknown, at: Path, inspection: NestedInspection): void {
  if (value === null) {
    inspection.faults.push({ code: 'nested-null', at, detail: 'null' })
    return
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, [...at, index], inspection))
    return
  }
  if (!isRecord(value)) return
  if (isTime(value)) {
    const text = value[TIME_KEY]
    const written = typeof text === 'string' ? parseAttributeTime(text) : null
    if (!written)
      inspection.faults.push({ code: 'nested-time-invalid', at, detail: JSON.stringify(text) })
    else if (written.year < YEAR_MIN || written.year > YEAR_MAX) inspection.outOfRange.push(at)
    return
  }
  for (const [key, item] of Object.entries(value)) {
    if (BAD_KEY.test(key))
      inspection.faults.push({ code: 'nested-key-invalid', at: [...at, key], detail: key })
    walk(item, [...at, key], inspection)
  }
}

function isTime(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value)
  return keys.length === 1 && keys[0] === TIME_KEY
}

function isOutOfRangeTime(value: unknown): boolean {
  if (!isRecord(value) || !isTime(value) || typeof value[TIME_KEY] !== 'string') return false
  const written = parseAttributeTime(value[TIME_KEY])
  return written !== null && (written.year < YEAR_MIN || written.year > YEAR_MAX)
}
