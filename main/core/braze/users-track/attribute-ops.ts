import { brazeFieldNames } from '../../../../shared/braze/user-fields'
import { isRecord } from '../../../../shared/is-record'
import { isArrayEdit, isIncrement, isNestedAttribute, storableNested } from './nested-attributes'
import { mergeSubscriptionGroups, readSubscriptionGroups } from './subscription-groups'

/** Keys of an attributes object that steer the update rather than set an attribute (§5.1). */
export const CONTROL_KEYS = new Set([
  'external_id',
  'braze_id',
  'user_alias',
  '_update_existing_only',
  '_merge_objects',
  'push_token_import',
])

/** Standard profile fields (§5.1); every other key is a custom attribute. */
export const STANDARD_FIELDS = brazeFieldNames('track')

const GENDERS = new Set(['M', 'F', 'O', 'N', 'P'])
const SUBSCRIBE_STATES = new Set(['opted_in', 'subscribed', 'unsubscribed'])

/** What Braze does with one standard field's value (§5.1). */
export type StandardOutcome =
  | { kind: 'set'; value: unknown }
  | { kind: 'removed' }
  /** Stored, but not as sent: `why` says what Braze did instead. */
  | { kind: 'replaced'; value: unknown; why: string }
  /** Not stored at all; the profile keeps its old value. */
  | { kind: 'ignored'; why: string }

/**
 * How Braze normalises one standard field: an unmappable country becomes null, an invalid
 * gender, time zone or subscription state is ignored, subscription group entries without a group
 * id or a valid state are left out, null removes the field.
 */
export function standardOutcome(key: string, value: unknown): StandardOutcome {
  if (value === null) return { kind: 'removed' }
  const shown = JSON.stringify(value) ?? 'undefined'
  switch (key) {
    case 'country':
      return typeof value === 'string' && /^[A-Za-z]{2}$/.test(value)
        ? { kind: 'set', value: value.toUpperCase() }
        : {
            kind: 'replaced',
            value: null,
            why: `Braze stores null for country ${shown}: it takes ISO 3166-1 alpha-2 codes such as "GB".`,
          }
    case 'gender':
      return typeof value === 'string' && GENDERS.has(value.toUpperCase())
        ? { kind: 'set', value: value.toUpperCase() }
        : { kind: 'ignored', why: `Braze ignores gender ${shown}: it takes M, F, O, N or P.` }
    case 'time_zone':
      return typeof value === 'string' && isTimeZone(value)
        ? { kind: 'set', value }
        : {
            kind: 'ignored',
            why: `Braze ignores time_zone ${shown}: it takes IANA names such as "Europe/London".`,
          }
    case 'email_subscribe':
    case 'push_subscribe':
      return typeof value === 'string' && SUBSCRIBE_STATES.has(value)
        ? { kind: 'set', value }
        : {
            kind: 'ignored',
            why: `Braze ignores ${key} ${shown}: it takes "opted_in", "subscribed" or "unsubscribed".`,
          }
    case 'subscription_groups': {
      const { states, unusable } = readSubscriptionGroups(value)
      if (unusable.length === 0) return { kind: 'set', value: states }
      const why = `Braze cannot apply subscription_groups entries ${unusable.map((i) => `[${i}]`).join(', ')}: each needs a subscription_group_id and a subscription_state of "subscribed" or "unsubscribed".`
      return states.length > 0 ? { kind: 'replaced', value: states, why } : { kind: 'ignored', why }
    }
    default:
      return { kind: 'set', value }
  }
}

/**
 * Sets one standard field as Braze would (see `standardOutcome`); subscription groups sent update
 * those groups and leave the others. Returns false when ignored.
 */
export function applyStandard(
  target: Record<string, unknown>,
  key: string,
  value: unknown,
): boolean {
  const outcome = standardOutcome(key, value)
  switch (outcome.kind) {
    case 'removed':
      return delete target[key]
    case 'ignored':
      return false
    case 'set':
    case 'replaced':
      target[key] =
        key === 'subscription_groups'
          ? mergeSubscriptionGroups(target[key], readSubscriptionGroups(outcome.value).states)
          : outcome.value
      return true
  }
}

/**
 * One custom attribute operation (§5.1): `null` removes it; `{"inc": n}` adds to a number;
 * `{"add": […], "remove": […]}` edits an array; an array replaces the value (unique values, the
 * newest `arrayLimit` kept); an object is a nested attribute, replaced or deep-merged, without
 * the times whose year is outside 0–3000. With `dropNested` (the request held an invalid nested
 * attribute) nested attributes are left as they were. Returns false when nothing was applied.
 */
export function applyCustom(
  target: Record<string, unknown>,
  key: string,
  value: unknown,
  options: { arrayLimit: number; mergeObjects: boolean; dropNested?: boolean },
): boolean {
  if (value === null) {
    delete target[key]
    return true
  }
  if (isNestedAttribute(value)) {
    if (options.dropNested) return false
    const stored = storableNested(value)
    if (stored === undefined) return false
    return setValue(target, key, stored, options)
  }
  if (isRecord(value) && isIncrement(value)) {
    const current = typeof target[key] === 'number' ? target[key] : 0
    target[key] = current + (value.inc as number)
    return true
  }
  if (isRecord(value) && isArrayEdit(value)) {
    let current = Array.isArray(target[key]) ? [...(target[key] as unknown[])] : []
    for (const item of Array.isArray(value.add) ? value.add : []) {
      // Adding a value that is already there moves it to the end.
      current = current.filter((existing) => !same(existing, item))
      current.push(item)
    }
    if (Array.isArray(value.remove)) {
      const removals = value.remove as unknown[]
      current = current.filter((existing) => !removals.some((item) => same(existing, item)))
    }
    target[key] = current.slice(-options.arrayLimit)
    return true
  }
  return setValue(target, key, value, options)
}

/** An array keeps unique values, the newest `arrayLimit`; an object replaces or deep-merges. */
function setValue(
  target: Record<string, unknown>,
  key: string,
  value: unknown,
  options: { arrayLimit: number; mergeObjects: boolean },
): true {
  if (Array.isArray(value)) {
    const unique: unknown[] = []
    for (const item of value)
      if (!unique.some((existing) => same(existing, item))) unique.push(item)
    target[key] = unique.slice(-options.arrayLimit)
  } else if (isRecord(value) && options.mergeObjects && isRecord(target[key])) {
    target[key] = deepMerge(target[key], value)
  } else {
    target[key] = isRecord(value) ? structuredClone(value) : value
  }
  return true
}

function deepMerge(
  base: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(patch)) {
    const previous = merged[key]
    merged[key] = isRecord(value) && isRecord(previous) ? deepMerge(previous, value) : value
  }
  return merged
}

function same(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && JSON.stringify(a) === JSON.stringify(b))
}

const knownZones = new Map<string, boolean>()
function isTimeZone(zone: string): boolean {
  let known = knownZones.get(zone)
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone })
      known = true
    } catch {
      known = false
    }
    knownZones.set(zone, known)
  }
  return known
}
