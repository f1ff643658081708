import { isRecord } from '../../../../shared/is-record'
import {
  MAX_INPUT_LENGTH_EXCEEDED,
  NO_VALID_DATA,
  TRACK_ERRORS,
  type TrackError,
} from './error-bodies'

export type ArrayName = 'attributes' | 'events' | 'purchases'
export type UserAlias = { alias_name: string; alias_label: string }

export type TrackIdentifier =
  | { kind: 'external_id' | 'braze_id' | 'email' | 'phone'; value: string }
  | { kind: 'user_alias'; value: UserAlias }

export interface ValidObject {
  index: number
  object: Record<string, unknown>
  identifier: TrackIdentifier
  updateExistingOnly: boolean
}

export interface TrackPlan {
  /** null when the request did not send that array. */
  attributes: ValidObject[] | null
  events: ValidObject[] | null
  purchases: ValidObject[] | null
  errors: TrackError[]
}

export type TrackValidation =
  | { ok: true; plan: TrackPlan }
  | { ok: false; status: 400; body: { message: string; errors?: TrackError[] } }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
/** Dummy ids Braze refuses (post_user_track.md names "undefined"; the rest are common dummies). */
const BLACKLISTED_IDS = new Set(['undefined', 'null', 'nil', 'none', '[object object]', 'nan'])
const RESERVED_EVENT_KEYS = new Set(['time', 'event_name'])
const ISO_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2})(?:[.:](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC)?$/i

/**
 * Checks a `/users/track` body (braze.md §5.1, §5.2). Bad objects become `{type, input_array,
 * index}` errors and are skipped; the request fails as a whole only when it exceeds the array
 * limit or leaves nothing valid to process.
 */
export function validateTrack(body: unknown, maxPerArray: number): TrackValidation {
  const input = isRecord(body) ? body : {}
  const plan: TrackPlan = { attributes: null, events: null, purchases: null, errors: [] }
  let sent = 0
  for (const name of ['attributes', 'events', 'purchases'] as const) {
    const list = input[name]
    if (list === undefined || list === null) continue
    if (!Array.isArray(list)) return { ok: false, status: 400, body: { message: NO_VALID_DATA } }
    if (list.length > maxPerArray)
      return { ok: false, status: 400, body: MAX_INPUT_LENGTH_EXCEEDED }
    sent += list.length
    const valid: ValidObject[] = []
    for (let index = 0; index < list.length; index++) {
      const error = (type: string) => plan.errors.push({ type, input_array: name, index })
      const object: unknown = list[index]
      if (!isRecord(object)) {
        error(TRACK_ERRORS.notAnObject)
        continue
      }
      const identified = identify(object, name)
      if (typeof identified === 'string') {
        error(identified)
        continue
      }
      const problem =
        name === 'attributes'
          ? checkAttributes(object)
          : name === 'events'
            ? checkEvent(object)
            : checkPurchase(object)
      if (problem) {
        error(problem)
        continue
      }
      valid.push({ index, object, ...identified })
    }
    plan[name] = valid
  }
  const processed =
    (plan.attributes?.length ?? 0) + (plan.events?.length ?? 0) + (plan.purchases?.length ?? 0)
  if (sent === 0 || processed === 0) {
    const failure: { message: string; errors?: TrackError[] } = { message: NO_VALID_DATA }
    if (plan.errors.length > 0) failure.errors = plan.errors
    return { ok: false, status: 400, body: failure }
  }
  return { ok: true, plan }
}

/** §5.1: one identifier per object; email wins over phone; alias-only objects update by default. */
function identify(
  object: Record<string, unknown>,
  array: ArrayName,
): { identifier: TrackIdentifier; updateExistingOnly: boolean } | string {
  const explicit =
    typeof object._update_existing_only === 'boolean' ? object._update_existing_only : null
  const externalId = object.external_id
  if (typeof externalId === 'string' && externalId !== '') {
    if (BLACKLISTED_IDS.has(externalId.trim().toLowerCase()))
      return TRACK_ERRORS.blacklistedExternalId
    if (typeof object.email === 'string' && object.email !== '' && !EMAIL.test(object.email))
      return TRACK_ERRORS.invalidEmail
    return {
      identifier: { kind: 'external_id', value: externalId },
      updateExistingOnly: explicit ?? false,
    }
  }
  if (typeof object.braze_id === 'string' && object.braze_id !== '') {
    return { identifier: { kind: 'braze_id', value: object.braze_id }, updateExistingOnly: true }
  }
  if (object.user_alias !== undefined) {
    const alias = object.user_alias
    if (
      !isRecord(alias) ||
      typeof alias.alias_name !== 'string' ||
      typeof alias.alias_label !== 'string'
    ) {
      return TRACK_ERRORS.userAliasInvalid
    }
    // Alias objects only update existing users unless attributes say `false` (§5.1).
    const onlyExisting = array === 'attributes' ? (explicit ?? true) : true
    return {
      identifier: {
        kind: 'user_alias',
        value: { alias_name: alias.alias_name, alias_label: alias.alias_label },
      },
      updateExistingOnly: onlyExisting,
    }
  }
  if (typeof object.email === 'string' && object.email !== '') {
    if (!EMAIL.test(object.email)) return TRACK_ERRORS.invalidEmail
    return {
      identifier: { kind: 'email', value: object.email.trim().toLowerCase() },
      updateExistingOnly: explicit ?? false,
    }
  }
  if (typeof object.phone === 'string' && object.phone !== '') {
    return {
      identifier: { kind: 'phone', value: object.phone },
      updateExistingOnly: explicit ?? false,
    }
  }
  return TRACK_ERRORS.identifierRequired
}

function checkAttributes(object: Record<string, unknown>): string | null {
  if (typeof object.email === 'string' && object.email !== '' && !EMAIL.test(object.email)) {
    return TRACK_ERRORS.invalidEmail
  }
  return null
}

function checkEvent(object: Record<string, unknown>): string | null {
  if (typeof object.name !== 'string' || object.name === '') return TRACK_ERRORS.eventNameRequired
  return checkTime(object.time) ?? checkProperties(object.properties, true)
}

function checkPurchase(object: Record<string, unknown>): string | null {
  const product = object.product_id
  if (typeof product !== 'string' || product === '' || product.length > 255)
    return TRACK_ERRORS.productIdRequired
  if (typeof object.currency !== 'string' || !/^[A-Za-z]{3}$/.test(object.currency))
    return TRACK_ERRORS.currencyInvalid
  if (typeof object.price !== 'number' || !Number.isFinite(object.price))
    return TRACK_ERRORS.priceInvalid
  const quantity = object.quantity
  if (
    quantity !== undefined &&
    (!Number.isInteger(quantity) || (quantity as number) < 1 || (quantity as number) > 100)
  ) {
    return TRACK_ERRORS.quantityInvalid
  }
  return checkTime(object.time) ?? checkProperties(object.properties, false)
}

function checkTime(time: unknown): string | null {
  if (time === undefined || time === null || time === '') return TRACK_ERRORS.timeRequired
  return typeof time === 'string' && parseBrazeTime(time) ? null : TRACK_ERRORS.timeInvalid
}

/** Property keys: 1–255 characters, no leading `$`; `time` and `event_name` are reserved (§5.1). */
function checkProperties(properties: unknown, reserved: boolean): string | null {
  if (properties === undefined || properties === null) return null
  if (!isRecord(properties)) return TRACK_ERRORS.notAnObject
  for (const [key, value] of Object.entries(properties)) {
    if (reserved && RESERVED_EVENT_KEYS.has(key)) return TRACK_ERRORS.reservedProperty(key)
    if (key === '' || key.length > 255 || key.startsWith('$'))
      return TRACK_ERRORS.propertyKeyInvalid(key)
    if (typeof value === 'string' && value.length > 255)
      return TRACK_ERRORS.propertyValueTooLong(key)
  }
  return null
}

/**
 * ISO 8601 (to the minute, second or fraction; `Z`, an offset, or none = UTC) and Braze's
 * `yyyy-MM-dd'T'HH:mm:ss:SSSZ` form (§5.1). Returns null when the text is not a time.
 */
export function parseBrazeTime(text: string): Date | null {
  const match = ISO_TIME.exec(text.trim())
  if (!match) return null
  const [, date, hm = '00:00', seconds = '00', fraction = '0', zone = 'Z'] = match
  const millis = fraction.padEnd(3, '0').slice(0, 3)
  const offset =
    zone.toUpperCase() === 'Z' || zone.toUpperCase() === 'UTC'
      ? 'Z'
      : zone.length === 5
        ? `${zone.slice(0, 3)}:${zone.slice(3)}`
        : zone
  const parsed = new Date(`${date}T${hm}:${seconds}.${millis}${offset}`)
  return Number.isNaN(parsed.getTime()) ? null : parsed
}
