import { isRecord } from '../../../../shared/is-record'
import { normalizePhone } from './phone-number'
import type { ObjectFault, TrackArray } from './track-problems'

export type UserAlias = { alias_name: string; alias_label: string }

/** Which profile a `/users/track` object names. */
export type TrackIdentifier =
  | { kind: 'external_id' | 'braze_id' | 'email' | 'phone'; value: string }
  | { kind: 'user_alias'; value: UserAlias }
  /** `push_token_import`: an anonymous user known only by a push token (§5.1). */
  | { kind: 'push_token'; value: string }

export interface Identified {
  identifier: TrackIdentifier
  /** True when the object must not create a profile (`_update_existing_only`). */
  updateExistingOnly: boolean
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
/** Dummy ids Braze refuses (post_user_track.md names "undefined"; the rest are common dummies). */
const BLACKLISTED_IDS = new Set(['undefined', 'null', 'nil', 'none', '[object object]', 'nan'])

/**
 * §5.1: one identifier per object; email wins over phone, and a phone must be valid; alias-only
 * objects update by default; `push_token_import` objects carry a push token instead.
 */
export function identify(
  object: Record<string, unknown>,
  array: TrackArray,
): Identified | ObjectFault {
  if (array === 'attributes' && object.push_token_import === true) return pushTokenImport(object)
  const explicit =
    typeof object._update_existing_only === 'boolean' ? object._update_existing_only : null
  const externalId = object.external_id
  if (typeof externalId === 'string' && externalId !== '') {
    if (BLACKLISTED_IDS.has(externalId.trim().toLowerCase()))
      return { code: 'blacklisted-external-id', at: ['external_id'] }
    if (typeof object.email === 'string' && object.email !== '' && !EMAIL.test(object.email))
      return { code: 'invalid-email', at: ['email'] }
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
      return { code: 'user-alias-invalid', at: ['user_alias'] }
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
    if (!EMAIL.test(object.email)) return { code: 'invalid-email', at: ['email'] }
    return {
      identifier: { kind: 'email', value: object.email.trim().toLowerCase() },
      updateExistingOnly: explicit ?? false,
    }
  }
  if (typeof object.phone === 'string' && object.phone !== '') {
    const phone = normalizePhone(object.phone)
    if (!phone) return { code: 'invalid-phone', at: ['phone'] }
    return { identifier: { kind: 'phone', value: phone }, updateExistingOnly: explicit ?? false }
  }
  return { code: 'identifier-required', at: [] }
}

/**
 * Importing push tokens for anonymous users (§5.1): no external_id or braze_id, and at least one
 * `{app_id, token}` in `push_tokens`. Each such object may create a user.
 */
function pushTokenImport(object: Record<string, unknown>): Identified | ObjectFault {
  for (const key of ['external_id', 'braze_id'] as const)
    if (object[key] !== undefined) return { code: 'push-token-import-with-id', at: [key], key }
  const tokens = Array.isArray(object.push_tokens) ? object.push_tokens : []
  const first: unknown = tokens.find(
    (token) =>
      isRecord(token) &&
      typeof token.app_id === 'string' &&
      typeof token.token === 'string' &&
      token.token !== '',
  )
  if (!isRecord(first) || typeof first.token !== 'string')
    return { code: 'push-token-required', at: ['push_tokens'] }
  return { identifier: { kind: 'push_token', value: first.token }, updateExistingOnly: false }
}
