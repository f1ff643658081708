import type { ConnectionCheck, ZendeskAuthSettings } from '../../../shared/contract/profiles'
import { apiTokenRetirementWarning } from '../../../shared/zendesk/api-token-retirement'
import type { HttpClient } from '../net/http-request'
import { callJson } from '../net/json-call'

interface MeResponse {
  user?: { id: number | null; name?: string; email?: string; role?: string }
}

interface ErrorBody {
  error?: string | { title?: string; message?: string }
  description?: string
  error_description?: string
}

const CHECK = 'Sign in (GET /api/v2/users/me)'

/**
 * Honest: a 200 is not enough. Zendesk answers `/users/me` with an anonymous user when the
 * credentials are wrong (zendesk.md §1.3), so we require a user id and an agent or admin role.
 */
export async function checkZendeskSignIn(
  http: HttpClient,
  options: { baseUrl: string; authorization: string; timeoutMs?: number },
): Promise<ConnectionCheck> {
  const url = `${options.baseUrl}/api/v2/users/me.json`
  const host = new URL(url).host
  const result = await callJson(http, {
    method: 'GET',
    url,
    headers: [['authorization', options.authorization]],
    timeoutMs: options.timeoutMs ?? 10_000,
  })
  const base = { service: 'zendesk' as const, name: CHECK, latencyMs: result.latencyMs }
  if (result.kind === 'failed') {
    return {
      ...base,
      outcome: 'fail',
      reason: result.failure.reason,
      message: result.failure.message,
    }
  }
  const status = result.status
  const said = zendeskSays(result.json)
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
      `Zendesk refused the credentials (401${said}). Check the email and token, or sign in with OAuth again.`,
    )
  }
  if (status === 403) {
    const scopes = /missing the following required scopes: (.+)$/i.exec(said)?.[1]
    return fail(
      'forbidden',
      scopes
        ? `The token lacks the OAuth scopes ${scopes} (403). Add them to the OAuth client and sign in again.`
        : `Zendesk forbids this account from the API (403${said}). Use an agent or admin, and enable API access in Admin Center.`,
    )
  }
  if (status === 404) {
    return fail('not-found', `No Zendesk account answers at ${host} (404). Check the subdomain.`)
  }
  if (status === 429) {
    const wait = result.header('retry-after')
    return fail(
      'rate-limited',
      `Zendesk is rate limiting this account (429)${wait ? `; retry after ${wait} s` : ''}.`,
    )
  }
  if (status >= 500)
    return fail('server', `Zendesk had a server error (${status}); try again shortly.`)
  if (status !== 200) return fail('unexpected', `Unexpected answer ${status} from ${host}.`)
  const me = result.json as MeResponse | undefined
  if (!me?.user) {
    return fail(
      'not-zendesk',
      `${host} answered 200 but not with a Zendesk user (is this a Zendesk URL?).`,
    )
  }
  if (me.user.id === null || me.user.id === undefined) {
    return fail(
      'anonymous',
      'Zendesk answered as "Anonymous user": the credentials were not accepted. Check the email and token ' +
        '(Admin Center → Apps and integrations → APIs → Zendesk API must allow token access), or sign in with OAuth.',
    )
  }
  if (me.user.role !== 'admin' && me.user.role !== 'agent') {
    return fail(
      'role',
      `Signed in as ${me.user.name ?? me.user.email ?? 'a user'} with role "${me.user.role ?? 'unknown'}": creating tickets through the API needs an agent or admin.`,
    )
  }
  return {
    ...base,
    status,
    outcome: 'pass',
    message: `Signed in as ${me.user.name ?? ''} <${me.user.email ?? ''}> (${me.user.role}) in ${result.latencyMs} ms.`,
  }
}

/** API tokens work today but are being retired: say so on every test of such a profile. */
export function apiTokenCheck(auth: ZendeskAuthSettings, today: Date): ConnectionCheck | undefined {
  if (auth.mode !== 'api-token') return undefined
  return {
    service: 'zendesk',
    name: 'Auth method',
    outcome: 'warn',
    reason: 'api-token-retirement',
    message: apiTokenRetirementWarning(today),
  }
}

function zendeskSays(json: unknown): string {
  const body = json as ErrorBody | undefined
  if (!body) return ''
  const text =
    body.error_description ??
    body.description ??
    (typeof body.error === 'object' ? body.error.message : body.error)
  return text ? `: "${text}"` : ''
}
