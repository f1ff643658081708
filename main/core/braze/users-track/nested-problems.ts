import { jsonPath } from '../../../../shared/json-path'
import { CONTROL_KEYS, STANDARD_FIELDS } from './attribute-ops'
import { inspectNested, isNestedAttribute, type NestedFault } from './nested-attributes'
import type { TrackProblem } from './track-problems'

export interface NestedCheck {
  /** True when Braze drops every nested-attribute update in the request (one was invalid). */
  drop: boolean
  problems: TrackProblem[]
}

const WHAT: Record<NestedFault['code'], (detail: string) => string> = {
  'nested-time-invalid': (detail) => `Braze cannot read the $time ${detail}`,
  'nested-null': () => 'A nested attribute cannot hold null',
  'nested-key-invalid': (detail) =>
    `The key ${JSON.stringify(detail)} has a space, "." or "$", which nested keys cannot have`,
  'nested-too-large': (detail) => `This nested attribute is ${detail}; Braze takes at most 100 KB`,
}

const FIX: Record<NestedFault['code'], string> = {
  'nested-time-invalid':
    'Write the time as ISO 8601, e.g. {"$time": "2020-05-28"} or "2020-05-28T09:30:00Z".',
  'nested-null': 'Leave the key out, or set the whole attribute to null to remove it.',
  'nested-key-invalid': 'Rename the key without spaces, "." or "$" (underscores are fine).',
  'nested-too-large': 'Split the object over several attributes, or leave large parts out.',
}

/**
 * The nested custom attributes of the attributes objects Braze processes (braze.md §5.1,
 * https://www.braze.com/docs/api/objects_filters/user_attributes_object/): when any is invalid,
 * Braze keeps none of the request's nested updates and still answers success, so each invalid
 * value is an error and every other nested update a warning; a `$time` with a year outside
 * 0–3000 is left out.
 */
export function checkNestedAttributes(
  objects: ReadonlyArray<{ index: number; object: Record<string, unknown> }>,
): NestedCheck {
  const attributes: Array<{ at: Array<string | number>; index: number; value: unknown }> = []
  for (const { index, object } of objects) {
    for (const [key, value] of Object.entries(object)) {
      if (CONTROL_KEYS.has(key) || STANDARD_FIELDS.has(key) || !isNestedAttribute(value)) continue
      attributes.push({ at: ['attributes', index, key], index, value })
    }
  }
  const inspected = attributes.map((attribute) => ({
    ...attribute,
    ...inspectNested(attribute.value),
  }))
  const first = inspected.find((attribute) => attribute.faults.length > 0)
  const firstFault = first && jsonPath([...first.at, ...first.faults[0]!.at])
  const problems: TrackProblem[] = []
  for (const { at, index, faults, outOfRange } of inspected) {
    const object = { array: 'attributes' as const, index }
    for (const fault of faults) {
      problems.push({
        path: jsonPath([...at, ...fault.at]),
        code: fault.code,
        message: `${WHAT[fault.code](fault.detail)}, so Braze drops every nested-attribute update in this request and keeps the values it had.`,
        fix: FIX[fault.code],
        severity: 'error',
        effect: 'value',
        object,
      })
    }
    if (firstFault && faults.length === 0) {
      problems.push({
        path: jsonPath(at),
        code: 'nested-dropped',
        message: `Not stored: Braze drops every nested-attribute update in a request that holds an invalid one (${firstFault}).`,
        fix: `Fix ${firstFault}, or send this attribute in another request.`,
        severity: 'warning',
        effect: 'value',
        object,
      })
    }
    if (firstFault) continue
    for (const time of outOfRange) {
      problems.push({
        path: jsonPath([...at, ...time]),
        code: 'nested-time-out-of-range',
        message:
          'Braze does not store a nested time whose year is outside 0–3000, so this one is left out.',
        fix: 'Send a year from 0 to 3000, or leave the time out.',
        severity: 'warning',
        effect: 'value',
        object,
      })
    }
  }
  return { drop: first !== undefined, problems }
}
