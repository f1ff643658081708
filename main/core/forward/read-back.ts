import type { ReadBackResult } from '../../../shared/contract/forward'
import { isRecord } from '../../../shared/is-record'
import { exportUsers } from '../braze/export-client'
import {
  compareReadBack,
  externalIdsOf,
  readBackFields,
  readBackSummary,
} from '../braze/users-track/track-read-back'
import type { HttpClient } from '../net/http-request'
import type { Sleep } from '../net/retrying-send'

export interface ReadBackInput {
  endpoint: string
  /** A REST key with `users.export.ids`; undefined when none is known. */
  apiKey: string | undefined
  /** The `/users/track` body that was forwarded. */
  body: string
  /** When the forward was sent: an event's time later than this is Braze's "now". */
  sentAt: Date
  /** Braze queues writes: wait this long before reading. */
  delayMs: number
}

export interface ReadBackDeps {
  http: HttpClient
  sleep: Sleep
  now: () => Date
  signal?: AbortSignal
}

/**
 * Confirms a forward by reading the profiles it names back through `/users/export/ids` after a
 * short wait (https://www.braze.com/docs/api/endpoints/export/user_data/post_users_identifier/):
 * which attributes, events and purchases arrived. A 2xx from `/users/track` only means queued.
 */
export async function readBack(deps: ReadBackDeps, input: ReadBackInput): Promise<ReadBackResult> {
  const result = (fields: Partial<ReadBackResult>): ReadBackResult => ({
    at: deps.now().toISOString(),
    status: null,
    error: null,
    users: [],
    summary: fields.error ?? '',
    ...fields,
  })
  let body: unknown
  try {
    body = JSON.parse(input.body)
  } catch {
    return result({ error: 'The forwarded body is not JSON: there is nothing to read back.' })
  }
  const externalIds = externalIdsOf(body)
  if (externalIds.length === 0) {
    return result({
      error:
        'The body names no external_id, so there is no profile to read back (objects identified by email, phone or alias are not read back).',
    })
  }
  if (!input.apiKey) {
    return result({
      error:
        "No Braze REST key to read back with: set the profile's key (it needs the users.export.ids permission).",
    })
  }
  await deps.sleep(input.delayMs, deps.signal)
  const exported = await exportUsers(deps.http, {
    endpoint: input.endpoint,
    apiKey: input.apiKey,
    externalIds,
    fields: readBackFields(body),
  })
  if (!exported.ok) return result({ status: exported.status ?? null, error: exported.message })
  const users = compareReadBack(
    body,
    Array.isArray(exported.body.users) ? exported.body.users.filter(isRecord) : [],
    input.sentAt,
  )
  return result({ status: exported.status, users, summary: readBackSummary(users) })
}
