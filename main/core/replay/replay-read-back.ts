import { brazeFieldNames } from '../../../shared/braze/user-fields'
import type { AssertionRules } from '../../../shared/contract/replay'
import { isRecord } from '../../../shared/is-record'
import type { HttpClient } from '../net/http-request'
import { callJson } from '../net/json-call'
import { abortableSleep, type Sleep } from '../net/retrying-send'
import { scalarText } from '../zendesk/scalar-text'

// TO FOLD: the forward branch's read-back (main/core/forward/read-back.ts with
// braze/users-track/track-read-back.ts) does the same /users/export/ids read; once it is on main,
// judge replays with its result and drop this file's reading and comparing.

/** /users/export/ids takes up to 50 external ids a request (https://www.braze.com/docs/api/endpoints/export/user_data/post_users_identifier/). */
const IDS_PER_EXPORT = 50

/** Keys of an attributes object that steer /users/track rather than set an attribute. */
const NOT_ATTRIBUTES = new Set([
  'external_id',
  'user_alias',
  'braze_id',
  '_update_existing_only',
  '_merge_objects',
  'push_token_import',
])
const TRACKED_STANDARD = brazeFieldNames('track')

export interface ReadBackTarget {
  endpoint: string
  authorization: string
}

export interface ReadBackDeps {
  http: HttpClient
  sleep?: Sleep
}

type ReadBackRules = NonNullable<AssertionRules['readBack']>

interface Expected {
  externalId: string
  attributes: Map<string, unknown>
  events: Set<string>
}

/**
 * Reads the users a replayed /users/track body named back from Braze and says what did not
 * arrive: an attribute with another value, an event never recorded, a user Braze does not have.
 * A 2xx from /users/track only means queued (https://www.braze.com/docs/api/endpoints/user_data/post_user_track/).
 */
export async function readBackFailures(
  deps: ReadBackDeps,
  target: ReadBackTarget,
  rules: ReadBackRules,
  sentBody: Buffer,
  signal?: AbortSignal,
): Promise<string[]> {
  const expected = expectations(rules, sentBody)
  if (expected.length === 0) {
    return ['Read-back needs users named by external_id in the body: there are none to read back.']
  }
  if (rules.delayMs > 0) await (deps.sleep ?? abortableSleep)(rules.delayMs, signal)
  const failures: string[] = []
  for (let i = 0; i < expected.length; i += IDS_PER_EXPORT) {
    const batch = expected.slice(i, i + IDS_PER_EXPORT)
    const users = await exportUsers(deps.http, target, batch, failures)
    if (!users) break
    for (const user of batch) failures.push(...compare(user, users.get(user.externalId)))
  }
  return failures
}

function expectations(rules: ReadBackRules, body: Buffer): Expected[] {
  let json: unknown
  try {
    json = JSON.parse(body.toString('utf8'))
  } catch {
    return []
  }
  if (!isRecord(json)) return []
  const byId = new Map<string, Expected>()
  const entry = (externalId: string) => {
    let found = byId.get(externalId)
    if (!found) {
      found = { externalId, attributes: new Map(), events: new Set() }
      byId.set(externalId, found)
    }
    return found
  }
  for (const object of records(json.attributes)) {
    if (typeof object.external_id !== 'string' || object.external_id === '') continue
    const user = entry(object.external_id)
    if (rules.attributes === 'sent') {
      for (const [key, value] of Object.entries(object)) {
        if (!NOT_ATTRIBUTES.has(key) && isScalar(value)) user.attributes.set(key, value)
      }
    }
  }
  for (const object of records(json.events)) {
    if (typeof object.external_id !== 'string' || object.external_id === '') continue
    const user = entry(object.external_id)
    if (rules.events === 'sent' && typeof object.name === 'string') user.events.add(object.name)
  }
  for (const user of byId.values()) {
    if (isRecord(rules.attributes))
      for (const [k, v] of Object.entries(rules.attributes)) user.attributes.set(k, v)
    if (Array.isArray(rules.events)) for (const name of rules.events) user.events.add(name)
  }
  return [...byId.values()]
}

async function exportUsers(
  http: HttpClient,
  target: ReadBackTarget,
  batch: readonly Expected[],
  failures: string[],
): Promise<Map<string, Record<string, unknown>> | undefined> {
  const standard = new Set<string>()
  for (const user of batch)
    for (const key of user.attributes.keys()) if (TRACKED_STANDARD.has(key)) standard.add(key)
  const result = await callJson(http, {
    method: 'POST',
    url: `${target.endpoint.replace(/\/+$/, '')}/users/export/ids`,
    headers: [['authorization', target.authorization]],
    json: {
      external_ids: batch.map((user) => user.externalId),
      fields_to_export: ['external_id', 'custom_attributes', 'custom_events', ...standard],
    },
    timeoutMs: 30_000,
  })
  if (result.kind === 'failed') {
    failures.push(`Read-back failed: ${result.failure.message}`)
    return undefined
  }
  if (result.status < 200 || result.status >= 300 || !isRecord(result.json)) {
    failures.push(
      `Read-back failed: /users/export/ids answered ${result.status}${result.status === 403 ? ' (the key needs the users.export.ids permission)' : ''}.`,
    )
    return undefined
  }
  const users = new Map<string, Record<string, unknown>>()
  for (const user of records(result.json.users)) {
    if (typeof user.external_id === 'string') users.set(user.external_id, user)
  }
  return users
}

function compare(expected: Expected, user: Record<string, unknown> | undefined): string[] {
  if (!user)
    return [
      `Braze has no user "${expected.externalId}" after the replay (read back with /users/export/ids).`,
    ]
  const failures: string[] = []
  const custom = isRecord(user.custom_attributes) ? user.custom_attributes : {}
  for (const [key, want] of expected.attributes) {
    const standard = TRACKED_STANDARD.has(key)
    const got = standard ? user[key] : custom[key]
    if (!sameValue(want, got))
      failures.push(
        `User "${expected.externalId}": ${standard ? '' : 'custom attribute '}${key} is ${got === undefined ? 'not set' : JSON.stringify(got)}, expected ${JSON.stringify(want)}.`,
      )
  }
  const events = new Set(records(user.custom_events).map((event) => event.name))
  for (const name of expected.events) {
    if (!events.has(name))
      failures.push(`User "${expected.externalId}": no event "${name}" was recorded.`)
  }
  return failures
}

/**
 * Export answers can differ in form from what was sent (numbers as strings, dates normalised):
 * equal text, or the same instant for two dates, counts as the same value.
 */
function sameValue(want: unknown, got: unknown): boolean {
  if (got === undefined || got === null) return want === null
  if (scalarText(want) === scalarText(got)) return true
  if (typeof want === 'string' && typeof got === 'string') {
    const a = Date.parse(want)
    return !Number.isNaN(a) && a === Date.parse(got)
  }
  return false
}

function records(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.filter(isRecord) : []
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}
