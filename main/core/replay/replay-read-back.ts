import type { ReadBackItem, ReadBackResult } from '../../../shared/contract/forward'
import type { AssertionRules } from '../../../shared/contract/replay'
import { isRecord } from '../../../shared/is-record'
import { CONTROL_KEYS } from '../braze/users-track/attribute-ops'
import { READ_BACK_MAX_IDS } from '../braze/users-track/track-read-back'
import { readBack } from '../forward/read-back'
import type { HttpClient } from '../net/http-request'
import { abortableSleep, type Sleep } from '../net/retrying-send'

export interface ReadBackTarget {
  endpoint: string
  /** A REST key with `users.export.ids`. */
  apiKey: string
}

export interface ReadBackDeps {
  http: HttpClient
  now: () => Date
  sleep?: Sleep
}

type ReadBackRules = NonNullable<AssertionRules['readBack']>
type TrackObject = Record<string, unknown> & { external_id: string }

/**
 * Reads the users a replayed /users/track body named back from Braze, with the forwarder's
 * read-back, and says what did not arrive: an attribute with another value, an event not
 * recorded, a user Braze does not have. The rules pick what is judged: `"sent"` is every plain
 * attribute value and every event the body sent; named values and events are judged for every
 * user the body names (a named event must be recorded since `sentAt`). A 2xx from /users/track
 * only means queued (https://www.braze.com/docs/api/endpoints/user_data/post_user_track/).
 */
export async function readBackFailures(
  deps: ReadBackDeps,
  target: ReadBackTarget,
  rules: ReadBackRules,
  sent: { body: Buffer; at: Date },
  signal?: AbortSignal,
): Promise<string[]> {
  const users = expectations(rules, sent.body)
  if (users.length === 0) {
    return ['Read-back needs users named by external_id in the body: there are none to read back.']
  }
  const failures: string[] = []
  // /users/export/ids takes up to 50 external ids a request: one read-back per 50 users.
  for (let i = 0; i < users.length; i += READ_BACK_MAX_IDS) {
    const batch = users.slice(i, i + READ_BACK_MAX_IDS)
    const result = await readBack(
      { http: deps.http, sleep: deps.sleep ?? abortableSleep, now: deps.now, signal },
      {
        endpoint: target.endpoint,
        apiKey: target.apiKey,
        body: JSON.stringify({
          attributes: batch.map((user) => user.attributes),
          events: batch.flatMap((user) => user.events),
        }),
        sentAt: sent.at,
        delayMs: i === 0 ? rules.delayMs : 0,
      },
    )
    if (result.error !== null) {
      failures.push(`Read-back failed: ${result.error}`)
      break
    }
    failures.push(...failuresOf(result))
  }
  return failures
}

/** Per user the body names, what to judge, as /users/track objects for the forward's read-back. */
function expectations(
  rules: ReadBackRules,
  body: Buffer,
): Array<{ attributes: TrackObject; events: TrackObject[] }> {
  let json: unknown
  try {
    json = JSON.parse(body.toString('utf8'))
  } catch {
    return []
  }
  if (!isRecord(json)) return []
  const byId = new Map<string, { attributes: TrackObject; events: TrackObject[] }>()
  const entry = (externalId: string) => {
    let found = byId.get(externalId)
    if (!found) {
      found = { attributes: { external_id: externalId }, events: [] }
      byId.set(externalId, found)
    }
    return found
  }
  for (const object of identified(json.attributes)) {
    const user = entry(object.external_id)
    if (rules.attributes !== 'sent') continue
    for (const [key, value] of Object.entries(object)) {
      if (!CONTROL_KEYS.has(key) && isScalar(value)) user.attributes[key] = value
    }
  }
  for (const object of identified(json.events)) {
    const user = entry(object.external_id)
    if (rules.events === 'sent' && typeof object.name === 'string')
      user.events.push({ external_id: object.external_id, name: object.name, time: object.time })
  }
  for (const [externalId, user] of byId) {
    if (isRecord(rules.attributes)) Object.assign(user.attributes, rules.attributes)
    if (Array.isArray(rules.events))
      for (const name of rules.events) user.events.push({ external_id: externalId, name })
  }
  return [...byId.values()]
}

function failuresOf(result: ReadBackResult): string[] {
  return result.users.flatMap((user) =>
    user.found
      ? user.items.flatMap((item) => itemFailure(user.externalId, item))
      : [
          `Braze has no user "${user.externalId}" after the replay (read back with /users/export/ids).`,
        ],
  )
}

function itemFailure(externalId: string, item: ReadBackItem): string[] {
  if (item.state === 'arrived' || item.state === 'not-compared') return []
  if (item.kind !== 'attribute')
    return [`User "${externalId}": no ${item.kind} "${item.name}" was recorded by the replay.`]
  const found = item.found === undefined || item.found === null ? 'not set' : show(item.found)
  return [`User "${externalId}": ${item.name} is ${found}, expected ${show(item.sent)}.`]
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value)
}

function identified(value: unknown): TrackObject[] {
  if (!Array.isArray(value)) return []
  return value.filter(
    (item): item is TrackObject =>
      isRecord(item) && typeof item.external_id === 'string' && item.external_id !== '',
  )
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}
