import type { ConnectionCheck } from '../../../shared/contract/profiles'
import type { HttpClient } from '../net/http-request'
import { callJson, type JsonCallResult } from '../net/json-call'

interface BrazeBody {
  message?: string
}

/**
 * Two calls that change nothing: an empty /users/track (Braze validates the key and its
 * permission, then rejects the empty payload) and an /users/export/ids lookup of an id that
 * does not exist. Together they prove the key, the instance, and both permissions Bridgebench
 * uses (braze.md §4.2).
 */
export async function checkBrazeKey(
  http: HttpClient,
  options: { endpoint: string; apiKey: string; timeoutMs?: number },
): Promise<ConnectionCheck[]> {
  const headers: Array<[string, string]> = [['authorization', `Bearer ${options.apiKey}`]]
  const timeoutMs = options.timeoutMs ?? 10_000
  const track = await callJson(http, {
    method: 'POST',
    url: `${options.endpoint}/users/track`,
    headers,
    json: {},
    timeoutMs,
  })
  const trackCheck = judge(
    track,
    'users.track',
    'Forward to Braze (POST /users/track)',
    (status, body) =>
      status === 201 ||
      status === 200 ||
      (status === 400 && /valid data/i.test(body.message ?? '')),
  )
  if (trackCheck.reason === 'unauthorized' || track.kind === 'failed') return [trackCheck]
  const exportIds = await callJson(http, {
    method: 'POST',
    url: `${options.endpoint}/users/export/ids`,
    headers,
    json: { external_ids: ['bridgebench-connection-check'], fields_to_export: ['external_id'] },
    timeoutMs,
  })
  const exportCheck = judge(
    exportIds,
    'users.export.ids',
    'Load users (POST /users/export/ids)',
    (status) => status === 200 || status === 201,
  )
  // Missing export permission only disables "Load from Braze"; forwarding still works.
  if (exportCheck.reason === 'permission') exportCheck.outcome = 'warn'
  return [trackCheck, exportCheck]
}

function judge(
  result: JsonCallResult,
  permission: string,
  name: string,
  accepted: (status: number, body: BrazeBody) => boolean,
): ConnectionCheck {
  const base = { service: 'braze' as const, name, latencyMs: result.latencyMs }
  if (result.kind === 'failed') {
    return {
      ...base,
      outcome: 'fail',
      reason: result.failure.reason,
      message: result.failure.message,
    }
  }
  const status = result.status
  const body = (result.json ?? {}) as BrazeBody
  const said = body.message ? ` ("${body.message}")` : ''
  if (accepted(status, body)) {
    return {
      ...base,
      status,
      outcome: 'pass',
      message: `The key may call ${permission} (${result.latencyMs} ms).`,
    }
  }
  const fail = (reason: string, message: string): ConnectionCheck => ({
    ...base,
    status,
    outcome: 'fail',
    reason,
    message,
  })
  if (status === 401) {
    return fail(
      'unauthorized',
      `Braze refused the API key (401${said}). Check the key (without quotes) and that the endpoint is your instance's: a key from another instance (EU vs US) also gives 401.`,
    )
  }
  if (status === 403) {
    return fail(
      'permission',
      `The API key lacks the ${permission} permission (403${said}). Create a key with it: Braze keys cannot be edited.`,
    )
  }
  if (status === 404)
    return fail(
      'not-found',
      `No Braze REST API at this endpoint (404). Pick your instance's REST endpoint.`,
    )
  if (status === 429) return fail('rate-limited', `Braze is rate limiting this key (429).`)
  if (status >= 500)
    return fail('server', `Braze had a server error (${status}); try again shortly.`)
  return fail('unexpected', `Unexpected answer ${status}${said} from Braze.`)
}
