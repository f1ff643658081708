import { isRecord } from '../../../../shared/is-record'

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
export const STANDARD_FIELDS = new Set([
  'first_name',
  'last_name',
  'email',
  'phone',
  'home_city',
  'country',
  'language',
  'time_zone',
  'dob',
  'gender',
  'email_subscribe',
  'push_subscribe',
  'email_open_tracking_disabled',
  'email_click_tracking_disabled',
  'current_location',
  'date_of_first_session',
  'date_of_last_session',
  'marked_email_as_spam_at',
  'push_tokens',
  'subscription_groups',
  'facebook',
  'twitter',
  'alias_name',
  'alias_label',
])

const GENDERS = new Set(['M', 'F', 'O', 'N', 'P'])
const SUBSCRIBE_STATES = new Set(['opted_in', 'subscribed', 'unsubscribed'])

/**
 * Sets one standard field the way Braze normalises it (§5.1): an unmappable country becomes null,
 * an invalid time zone or subscription state is ignored. Returns false when nothing changed.
 */
export function applyStandard(
  target: Record<string, unknown>,
  key: string,
  value: unknown,
): boolean {
  if (value === null) return delete target[key]
  switch (key) {
    case 'country':
      target.country =
        typeof value === 'string' && /^[A-Za-z]{2}$/.test(value) ? value.toUpperCase() : null
      return true
    case 'gender':
      if (typeof value !== 'string' || !GENDERS.has(value.toUpperCase())) return false
      target.gender = value.toUpperCase()
      return true
    case 'time_zone':
      if (typeof value !== 'string' || !isTimeZone(value)) return false
      target.time_zone = value
      return true
    case 'email_subscribe':
    case 'push_subscribe':
      if (typeof value !== 'string' || !SUBSCRIBE_STATES.has(value)) return false
      target[key] = value
      return true
    default:
      target[key] = value
      return true
  }
}

/**
 * One custom attribute operation (§5.1): `null` removes it; `{"inc": n}` adds to a number;
 * `{"add": […], "remove": […]}` edits an array; an array replaces the value (unique values, the
 * newest `arrayLimit` kept); an object is a nested attribute, replaced or deep-merged.
 */
export function applyCustom(
  target: Record<string, unknown>,
  key: string,
  value: unknown,
  options: { arrayLimit: number; mergeObjects: boolean },
): void {
  if (value === null) {
    delete target[key]
    return
  }
  if (isRecord(value) && isIncrement(value)) {
    const current = typeof target[key] === 'number' ? target[key] : 0
    target[key] = current + (value.inc as number)
    return
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
    return
  }
  if (Array.isArray(value)) {
    const unique: unknown[] = []
    for (const item of value)
      if (!unique.some((existing) => same(existing, item))) unique.push(item)
    target[key] = unique.slice(-options.arrayLimit)
    return
  }
  if (isRecord(value) && options.mergeObjects && isRecord(target[key])) {
    target[key] = deepMerge(target[key], value)
    return
  }
  target[key] = isRecord(value) ? structuredClone(value) : value
}

function isIncrement(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value)
  return keys.length === 1 && keys[0] === 'inc' && typeof value.inc === 'number'
}

function isArrayEdit(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value)
  return keys.length > 0 && keys.every((k) => k === 'add' || k === 'remove')
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
