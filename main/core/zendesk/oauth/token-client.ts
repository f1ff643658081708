import type { HttpClient } from '../../net/http-request'
import { callJson } from '../../net/json-call'

export interface TokenSet {
  accessToken: string
  refreshToken?: string
  /** ISO time; absent when Zendesk issued a non-expiring token. */
  expiresAt?: string
  scope?: string
}

export type TokenGrant =
  | { grant_type: 'authorization_code'; code: string; redirect_uri: string; code_verifier: string }
  | { grant_type: 'refresh_token'; refresh_token: string }
  | { grant_type: 'client_credentials' }

interface TokenResponse {
  access_token?: string
  refresh_token?: string
  expires_in?: number
  scope?: string
  error?: string
  error_description?: string
}

/** `POST {base}/oauth/tokens` (zendesk.md §1.2): every grant Bridgebench uses goes through here. */
export async function requestToken(
  http: HttpClient,
  options: {
    baseUrl: string
    clientId: string
    clientSecret?: string
    scope?: string
    grant: TokenGrant
    now: Date
  },
): Promise<TokenSet> {
  const body: Record<string, string> = { ...options.grant, client_id: options.clientId }
  if (options.clientSecret) body.client_secret = options.clientSecret
  if (options.scope && options.grant.grant_type !== 'refresh_token') body.scope = options.scope
  const url = `${options.baseUrl}/oauth/tokens`
  const result = await callJson(http, { method: 'POST', url, json: body, timeoutMs: 15_000 })
  if (result.kind === 'failed') throw new Error(result.failure.message)
  if (result.status < 200 || result.status >= 300) {
    throw new Error(describeTokenError(result.status, result.json, options.grant.grant_type))
  }
  const answer = (result.json ?? {}) as TokenResponse
  if (!answer.access_token)
    throw new Error('Zendesk answered the token request without an access_token.')
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    expiresAt: answer.expires_in
      ? new Date(options.now.getTime() + answer.expires_in * 1000).toISOString()
      : undefined,
    scope: answer.scope,
  }
}

function describeTokenError(
  status: number,
  json: unknown,
  grant: TokenGrant['grant_type'],
): string {
  const parsed = (json !== null && typeof json === 'object' ? json : {}) as TokenResponse
  const said = parsed.error_description ?? parsed.error ?? `HTTP ${status}`
  const hint =
    parsed.error === 'invalid_client'
      ? 'Check the client id and secret of your Zendesk OAuth client.'
      : parsed.error === 'invalid_grant' && grant === 'refresh_token'
        ? 'The refresh token is expired or was already used: sign in again.'
        : parsed.error === 'invalid_grant'
          ? 'The authorization code expired (codes live 120 s) or the redirect URL does not match the client: sign in again.'
          : parsed.error === 'invalid_scope'
            ? 'Ask for scopes the OAuth client allows (e.g. "read write").'
            : 'Check the OAuth client settings in Admin Center → Apps and integrations → APIs → OAuth clients.'
  return `Zendesk refused the ${grant.replace(/_/g, ' ')} token request: ${said}. ${hint}`
}
