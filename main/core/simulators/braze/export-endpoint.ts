import { brazeFieldNames } from '../../../../shared/braze/user-fields'
import { isRecord } from '../../../../shared/is-record'
import type { EndpointAnswer } from './track-endpoint'
import type { BrazeProfile, BrazeProfileStore } from './profile-store'

/** Up to 50 external ids and aliases together (braze.md §6). */
const MAX_IDS = 50

const EXPORT_FIELDS = brazeFieldNames('export')

/** `POST /users/export/ids` (braze.md §6). Error texts are approximations. */
export function handleExport(body: unknown, store: BrazeProfileStore): EndpointAnswer {
  const input = isRecord(body) ? body : {}
  const fail = (message: string): EndpointAnswer => ({
    status: 400,
    body: { message },
    touched: [],
    summary: message,
  })
  const externalIds = Array.isArray(input.external_ids)
    ? input.external_ids.filter((id): id is string => typeof id === 'string')
    : []
  const aliases = Array.isArray(input.user_aliases) ? input.user_aliases.filter(isRecord) : []
  if (externalIds.length + aliases.length > MAX_IDS)
    return fail(`At most ${MAX_IDS} external_ids and user_aliases may be requested at once`)
  const singles = ['device_id', 'email_address', 'phone'].filter(
    (key) => typeof input[key] === 'string',
  )
  if (singles.length > 1)
    return fail('Only one of device_id, email_address or phone may be sent per request')
  const fields = Array.isArray(input.fields_to_export) ? input.fields_to_export.map(String) : null
  const unknown = fields?.filter((field) => !EXPORT_FIELDS.has(field)) ?? []
  if (unknown.length > 0) return fail(`Invalid fields_to_export: ${unknown.join(', ')}`)
  const hasIdentifier =
    externalIds.length + aliases.length > 0 ||
    singles.length > 0 ||
    typeof input.braze_id === 'string'
  if (!hasIdentifier)
    return fail(
      'Provide at least one identifier: external_ids, user_aliases, braze_id, device_id, email_address or phone',
    )

  const found = new Map<string, BrazeProfile>()
  const invalid: string[] = []
  const add = (profile: BrazeProfile | undefined, label: string) => {
    if (profile) found.set(profile.brazeId, profile)
    else invalid.push(label)
  }
  for (const id of externalIds) add(store.find({ kind: 'external_id', value: id }), id)
  for (const alias of aliases) {
    const value = {
      alias_name: String(alias.alias_name),
      alias_label: String(alias.alias_label),
    }
    add(store.find({ kind: 'user_alias', value }), value.alias_name)
  }
  if (typeof input.braze_id === 'string')
    add(store.find({ kind: 'braze_id', value: input.braze_id }), input.braze_id)
  if (typeof input.email_address === 'string')
    add(
      store.find({ kind: 'email', value: input.email_address.toLowerCase() }),
      input.email_address,
    )
  if (typeof input.phone === 'string')
    add(store.find({ kind: 'phone', value: input.phone }), input.phone)

  const users = [...found.values()].map((profile) => exportUser(profile, fields))
  const answer: Record<string, unknown> = { message: 'success', users }
  if (invalid.length > 0) answer.invalid_user_ids = invalid
  return { status: 201, body: answer, touched: [], summary: `${users.length} users exported` }
}

/** The user export object (braze.md §6); fields that are not set are left out. */
function exportUser(profile: BrazeProfile, fields: string[] | null): Record<string, unknown> {
  const aggregate = (map: BrazeProfile['events']) =>
    [...map].map(([name, { first, last, count }]) => ({ name, first, last, count }))
  const all: Record<string, unknown> = {
    created_at: profile.createdAt.toISOString(),
    external_id: profile.externalId ?? undefined,
    user_aliases: profile.userAliases.length > 0 ? profile.userAliases : undefined,
    braze_id: profile.brazeId,
    ...profile.standard,
    random_bucket: profile.randomBucket,
    total_revenue: profile.totalRevenue,
    custom_attributes: structuredClone(profile.custom),
    custom_events: profile.events.size > 0 ? aggregate(profile.events) : undefined,
    purchases: profile.purchases.size > 0 ? aggregate(profile.purchases) : undefined,
  }
  const user: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(all)) {
    if (value !== undefined && (!fields || fields.includes(key))) user[key] = value
  }
  return user
}
