import type { ZdUser } from './model'
import type { ZendeskStore } from './zendesk-store'
import {
  BASIC_CHALLENGE,
  COULD_NOT_AUTHENTICATE,
  FORBIDDEN,
  INVALID_OAUTH_TOKEN,
  missingScope,
} from './error-bodies'

/** What the simulated account accepts (reference/zendesk.md §1.1). */
export interface ZendeskCredentials {
  /** Shown in URLs and placeholders; requests reach the simulator whatever Host they name. */
  subdomain: string
  /** The admin the API token is paired with. */
  email: string
  /** API token, sent as Basic `{email}/token:{token}`. */
  token: string
  /** OAuth access token, sent as `Bearer {token}`, with the `read` and `write` scopes. */
  oauthToken: string
}

export interface AuthOptions {
  credentials: ZendeskCredentials
  apiTokensRetired: boolean
}

export type AuthOutcome =
  | { ok: true; user: ZdUser; scopes: readonly string[] | null }
  | { ok: false; status: 401 | 403; body: object; headers: Record<string, string> }

const FULL_OAUTH_SCOPES = ['read', 'write'] as const

/**
 * Authenticates one request the way §1.1 describes: Basic `{email}/token:{token}` or a Bearer
 * OAuth token. Password Basic auth ended on 2025-12-31 (§1.2), so `email:password` is refused even
 * with the right password. Credentials in the query string or body are ignored (§1.1).
 */
export function authenticate(
  authorization: string | undefined,
  store: ZendeskStore,
  options: AuthOptions,
): AuthOutcome {
  const basicFailure: AuthOutcome = {
    ok: false,
    status: 401,
    body: COULD_NOT_AUTHENTICATE,
    headers: BASIC_CHALLENGE,
  }
  if (!authorization) return basicFailure
  const space = authorization.indexOf(' ')
  const scheme = authorization.slice(0, space).toLowerCase()
  const value = authorization.slice(space + 1).trim()

  if (scheme === 'bearer') {
    const admin = store.userByEmail(options.credentials.email)
    if (value !== options.credentials.oauthToken || !admin) {
      return { ok: false, status: 401, body: INVALID_OAUTH_TOKEN, headers: {} }
    }
    return { ok: true, user: admin, scopes: FULL_OAUTH_SCOPES }
  }
  if (scheme !== 'basic') return basicFailure

  const decoded = Buffer.from(value, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return basicFailure
  const login = decoded.slice(0, colon)
  const secret = decoded.slice(colon + 1)
  // A token is not tied to a user: any verified user's email paired with it acts as that user.
  if (
    !login.endsWith('/token') ||
    options.apiTokensRetired ||
    secret !== options.credentials.token
  ) {
    return basicFailure
  }
  const user = store.userByEmail(login.slice(0, -'/token'.length))
  if (!user || !user.active || user.suspended || !user.verified) return basicFailure
  return { ok: true, user, scopes: null }
}

/** End users may only ask who they are; webhooks and triggers need an admin (§5.1). */
export function authorize(
  user: ZdUser,
  scopes: readonly string[] | null,
  method: string,
  needs: 'agent' | 'admin',
): AuthOutcome | null {
  const scope = method === 'GET' ? 'read' : 'write'
  if (scopes && !scopes.includes(scope)) {
    return { ok: false, status: 403, body: missingScope(scope), headers: {} }
  }
  const allowed = needs === 'admin' ? user.role === 'admin' : user.role !== 'end-user'
  return allowed ? null : { ok: false, status: 403, body: FORBIDDEN, headers: {} }
}
