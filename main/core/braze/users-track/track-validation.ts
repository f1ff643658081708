import { isRecord } from '../../../../shared/is-record'
import { jsonPath } from '../../../../shared/json-path'
import { CONTROL_KEYS, STANDARD_FIELDS, standardOutcome } from './attribute-ops'
import { checkNestedAttributes } from './nested-problems'
import { identify, type Identified } from './track-identifier'
import { attributesFault, eventFault, purchaseFault } from './track-objects'
import {
  objectProblem,
  requestProblem,
  type ObjectFault,
  type TrackArray,
  type TrackProblem,
} from './track-problems'

export interface ValidObject extends Identified {
  index: number
  object: Record<string, unknown>
}

/** The objects Braze would process, per array; null when the request did not send that array. */
export interface TrackPlan {
  attributes: ValidObject[] | null
  events: ValidObject[] | null
  purchases: ValidObject[] | null
  /** True when an invalid nested attribute makes Braze keep none of the request's nested updates. */
  dropNestedAttributes: boolean
}

export interface TrackCheck {
  plan: TrackPlan
  /** In body order. Braze reports one problem per skipped object: the first found. */
  problems: TrackProblem[]
}

export interface TrackLimits {
  /** Objects one request may hold before Braze refuses it (75 by default, braze.md §5.2). */
  maxObjects: number
  /**
   * Where `maxObjects` applies: across the three arrays together (Braze's default now) or to each
   * array (older contracts: 75 + 75 + 75).
   */
  scope: 'combined' | 'per-array'
}

const ARRAYS: readonly TrackArray[] = ['attributes', 'events', 'purchases']
const FAULT_OF: Record<TrackArray, (object: Record<string, unknown>) => ObjectFault | null> = {
  attributes: attributesFault,
  events: eventFault,
  purchases: purchaseFault,
}

/**
 * Checks a `/users/track` body the way Braze does (braze.md §5.1, §5.2,
 * https://www.braze.com/docs/api/endpoints/user_data/post_user_track/): each problem says where
 * (a JSON path), what, and whether Braze refuses the request, skips the object, or silently
 * drops or rewrites a value. `plan` holds the objects Braze would process.
 */
export function checkTrackBody(body: unknown, limits: TrackLimits): TrackCheck {
  const input = isRecord(body) ? body : {}
  const plan: TrackPlan = {
    attributes: null,
    events: null,
    purchases: null,
    dropNestedAttributes: false,
  }
  const problems: TrackProblem[] = []
  if (limits.scope === 'combined') {
    const total = ARRAYS.reduce((sum, name) => {
      const list = input[name]
      return sum + (Array.isArray(list) ? list.length : 0)
    }, 0)
    if (total > limits.maxObjects) problems.push(tooMany([], total, limits))
  }
  let sent = 0
  for (const name of ARRAYS) {
    const list = input[name]
    if (list === undefined || list === null) continue
    if (!Array.isArray(list)) {
      problems.push(
        requestProblem(
          [name],
          'not-an-array',
          `'${name}' must be an array of objects; Braze refuses the whole request.`,
          `Send "${name}": [ … ], or leave it out.`,
        ),
      )
      continue
    }
    if (limits.scope === 'per-array' && list.length > limits.maxObjects)
      problems.push(tooMany([name], list.length, limits))
    sent += list.length
    const start = problems.length
    plan[name] = checkArray(name, list, problems)
    if (name === 'attributes') {
      const nested = checkNestedAttributes(plan.attributes ?? [])
      plan.dropNestedAttributes = nested.drop
      problems.push(...nested.problems)
      // Body order: each object's problems together, whichever check found them.
      const own = problems
        .splice(start)
        .sort((a, b) => (a.object?.index ?? -1) - (b.object?.index ?? -1))
      problems.push(...own)
    }
  }
  const processed =
    (plan.attributes?.length ?? 0) + (plan.events?.length ?? 0) + (plan.purchases?.length ?? 0)
  const refused = problems.some((problem) => problem.effect === 'request')
  if (!refused && (sent === 0 || processed === 0)) {
    problems.push(
      sent === 0
        ? requestProblem(
            [],
            'no-valid-data',
            "The body has no objects in 'attributes', 'events' or 'purchases'; Braze refuses it.",
            'Send a JSON object with at least one of those arrays.',
          )
        : requestProblem(
            [],
            'no-valid-data',
            'Braze skips every object in this request, so it refuses the whole request.',
            'Fix the objects listed with it.',
          ),
    )
  }
  return { plan, problems }
}

function tooMany(at: string[], count: number, limits: TrackLimits): TrackProblem {
  const where =
    limits.scope === 'combined'
      ? `This request has ${count} objects across 'attributes', 'events' and 'purchases'; Braze takes at most ${limits.maxObjects} in all`
      : `'${at[0]}' has ${count} objects; Braze takes at most ${limits.maxObjects} per array`
  return requestProblem(
    at,
    'too-many-objects',
    `${where} and refuses the whole request (Max Input Length Exceeded).`,
    'Split the objects over several requests.',
  )
}

function checkArray(name: TrackArray, list: unknown[], problems: TrackProblem[]): ValidObject[] {
  const valid: ValidObject[] = []
  for (let index = 0; index < list.length; index++) {
    const object: unknown = list[index]
    if (!isRecord(object)) {
      problems.push(objectProblem(name, index, { code: 'not-an-object', at: [] }))
      continue
    }
    const identified = identify(object, name)
    if ('code' in identified) {
      problems.push(objectProblem(name, index, identified))
      continue
    }
    const fault = FAULT_OF[name](object)
    if (fault) {
      problems.push(objectProblem(name, index, fault))
      continue
    }
    valid.push({ index, object, ...identified })
    if (name === 'attributes') problems.push(...valueProblems(object, index))
  }
  return valid
}

/** Standard attributes Braze stores differently from what was sent (warnings, §5.1). */
function valueProblems(object: Record<string, unknown>, index: number): TrackProblem[] {
  const problems: TrackProblem[] = []
  for (const [key, value] of Object.entries(object)) {
    if (CONTROL_KEYS.has(key) || !STANDARD_FIELDS.has(key)) continue
    const outcome = standardOutcome(key, value)
    if (outcome.kind !== 'ignored' && outcome.kind !== 'replaced') continue
    problems.push({
      path: jsonPath(['attributes', index, key]),
      code: outcome.kind === 'ignored' ? 'value-ignored' : 'value-replaced',
      message: outcome.why,
      fix: `Send a value Braze accepts for ${key}, or leave it out.`,
      severity: 'warning',
      effect: 'value',
      object: { array: 'attributes', index },
    })
  }
  return problems
}
