import { brazeFieldsFor } from '../../../shared/braze/user-fields'
import { brazeUserProfile, type BrazeUserProfile } from '../../../shared/contract/users'
import { parseJsonKeepingFloats } from '../../../shared/numbers/json-keeping-floats'
import { JsonTooDeepError } from '../../../shared/security/json-nesting'
import type { HttpClient } from '../net/http-request'
import { callJson } from '../net/json-call'
import { rateLimitResetAt } from '../net/retry-after'
import { InvalidBrazeEndpointError, normalizeBrazeEndpoint } from '../vault/braze-endpoint'

/**
 * "Load from Braze": one profile by external id through POST /users/export/ids (braze.md §6),
 * for previewing a template with a real user. Every failure comes back as a message to act on.
 */

/** Everything a preview reads; sending the list also earns the faster rate limit (§6). */
export const PREVIEW_FIELDS = brazeFieldsFor('preview').map((field) => field.name)

export interface ExportRequest {
  endpoint: string
  apiKey: string
  externalId: string
  timeoutMs?: number
}

export type ExportFailureReason =
  | 'invalid-input'
  | 'not-found'
  | 'unauthorized'
  | 'forbidden'
  | 'endpoint'
  | 'rate-limited'
  | 'server'
  | 'not-json'
  | 'unexpected'
  | 'timeout'
  | 'network'

export type ExportResult =
  | { ok: true; user: BrazeUserProfile }
  | { ok: false; reason: ExportFailureReason; message: string; status?: number }

interface ExportBody {
  message?: unknown
  users?: unknown
  invalid_user_ids?: unknown
}

export async function loadBrazeUser(
  http: HttpClient,
  request: ExportRequest,
): Promise<ExportResult> {
  const externalId = request.externalId.trim()
  if (!externalId) return fail('invalid-input', 'Enter the external id of the user to load.')
  if (!request.apiKey.trim())
    return fail('invalid-input', 'No Braze REST API key is set for this profile.')
  let endpoint: string
  try {
    endpoint = normalizeBrazeEndpoint(request.endpoint)
  } catch (error) {
    if (error instanceof InvalidBrazeEndpointError) return fail('invalid-input', error.message)
    throw error
  }
  const timeoutMs = request.timeoutMs ?? 15_000
  const result = await callJson(http, {
    method: 'POST',
    url: `${endpoint}/users/export/ids`,
    headers: [['authorization', `Bearer ${request.apiKey.trim()}`]],
    json: { external_ids: [externalId], fields_to_export: PREVIEW_FIELDS },
    timeoutMs,
  })
  if (result.kind === 'failed') {
    return fail(result.failure.reason === 'timeout' ? 'timeout' : 'network', result.failure.message)
  }
  const { status, text, json } = result
  const body: ExportBody | undefined =
    json !== null && typeof json === 'object' && !Array.isArray(json) ? json : undefined
  const said =
    typeof body?.message === 'string' && body.message !== 'success'
      ? `, Braze said "${body.message}"`
      : ''
  if (status === 200 || status === 201) {
    if (!body)
      return fail(
        'not-json',
        `Braze answered ${status}, but not with JSON (${preview(text)}). Check that the endpoint is Braze's REST API.`,
        status,
      )
    // Read again keeping whole Floats: a custom attribute of 2.0 must print 2.0 in the preview.
    let exact: ExportBody
    try {
      exact = parseJsonKeepingFloats(text) as ExportBody
    } catch (error) {
      // JSON.parse read it, so only the nesting guard can refuse it; otherwise keep that reading.
      if (!(error instanceof JsonTooDeepError)) return userFrom(body, externalId, status)
      return fail(
        'unexpected',
        `Braze's answer is ${error.message}, so it is not read. Check that the endpoint is Braze's REST API.`,
        status,
      )
    }
    return userFrom(exact, externalId, status)
  }
  const notJson = body ? '' : ` The answer was not JSON (${preview(text)}).`
  return httpFailure(status, said, endpoint, result.header('x-ratelimit-reset'), notJson)
}

function userFrom(body: ExportBody, externalId: string, status: number): ExportResult {
  const users = Array.isArray(body.users) ? (body.users as unknown[]) : []
  const invalid = Array.isArray(body.invalid_user_ids) ? body.invalid_user_ids : []
  const found =
    users.find(
      (u) =>
        typeof u === 'object' &&
        u !== null &&
        (u as { external_id?: unknown }).external_id === externalId,
    ) ?? users[0]
  if (found === undefined) {
    const listed = invalid.includes(externalId) ? ' (Braze lists it under invalid_user_ids)' : ''
    return fail(
      'not-found',
      `No Braze user has the external id "${externalId}"${listed}. Check the id, and that the key belongs to the right workspace.`,
      status,
    )
  }
  const parsed = brazeUserProfile.safeParse(found)
  if (!parsed.success)
    return fail(
      'unexpected',
      `Braze returned a user this app cannot read: ${parsed.error.issues[0]?.message ?? 'unknown shape'}.`,
      status,
    )
  return { ok: true, user: parsed.data }
}

function httpFailure(
  status: number,
  said: string,
  endpoint: string,
  reset: string | undefined,
  notJson: string,
): ExportResult {
  if (status === 400)
    return fail('invalid-input', `Braze rejected the request (400${said}).${notJson}`, status)
  if (status === 401) {
    return fail(
      'unauthorized',
      `Braze refused the API key (401${said}). Check the key (paste it without quotes) and that the endpoint is your instance's: a key from another instance (EU vs US) also gives 401.`,
      status,
    )
  }
  if (status === 403) {
    return fail(
      'forbidden',
      `The API key lacks the users.export.ids permission (403${said}). Create a key that has it: Braze keys cannot be edited.`,
      status,
    )
  }
  if (status === 404) {
    return fail(
      'endpoint',
      `There is no Braze REST API at ${endpoint} (404). Pick your instance's REST endpoint, e.g. https://rest.iad-01.braze.com.`,
      status,
    )
  }
  if (status === 429) {
    return fail(
      'rate-limited',
      `Braze is rate limiting /users/export/ids (429)${resetHint(reset)}. Newer workspaces get 250 requests per minute; wait and try again.`,
      status,
    )
  }
  if (status >= 500)
    return fail('server', `Braze had a server error (${status}); try again in a minute.`, status)
  return fail('unexpected', `Unexpected answer ${status}${said} from Braze.${notJson}`, status)
}

function resetHint(reset: string | undefined): string {
  const at = rateLimitResetAt(reset)
  return at ? `; the limit resets at ${at.toISOString()}` : ''
}

function preview(text: string): string {
  const start = text.trim().slice(0, 40)
  return start ? `it starts with ${JSON.stringify(start)}` : 'the body is empty'
}

function fail(reason: ExportFailureReason, message: string, status?: number): ExportResult {
  return status === undefined
    ? { ok: false, reason, message }
    : { ok: false, reason, message, status }
}
