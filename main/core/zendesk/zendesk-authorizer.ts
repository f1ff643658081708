import { randomUUID } from 'node:crypto'
import type { ProfileView } from '../../../shared/contract/profiles'
import type { HttpClient } from '../net/http-request'
import type { ProfileVault } from '../vault/profile-vault'
import { createPkcePair, randomState } from './oauth/pkce'
import { startRedirectListener, type RedirectListener } from './oauth/redirect-listener'
import { requestToken, type TokenSet } from './oauth/token-client'

/** Refresh this long before expiry, so a request never leaves with a token about to die. */
const REFRESH_MARGIN_MS = 2 * 60_000
const DEFAULT_SCOPES = 'read write'

interface PendingFlow {
  profileId: string
  verifier: string
  listener: RedirectListener
}

export class MissingCredentialError extends Error {
  constructor(profileName: string, what: string) {
    super(
      `Profile "${profileName}" has no ${what}. Add it under Connections (or with \`bridgebench profile add\`).`,
    )
    this.name = 'MissingCredentialError'
  }
}

export function apiTokenAuthorization(email: string, token: string): string {
  return `Basic ${Buffer.from(`${email}/token:${token}`).toString('base64')}`
}

/**
 * Produces the Authorization header for a profile's Zendesk calls, whatever its auth mode, and
 * runs the OAuth flows (authorization code + PKCE over a loopback redirect; client credentials).
 */
export class ZendeskAuthorizer {
  private readonly flows = new Map<string, PendingFlow>()
  private readonly refreshing = new Map<string, Promise<string>>()

  constructor(
    private readonly vault: ProfileVault,
    private readonly http: HttpClient,
    private readonly now: () => Date,
    private readonly openExternal?: (url: string) => void,
  ) {}

  async authorization(profileId: string): Promise<string> {
    const profile = this.vault.get(profileId)
    const auth = profile.zendesk.auth
    switch (auth.mode) {
      case 'api-token': {
        const token = this.vault.secret(profileId, 'zendeskApiToken')
        if (!token || !auth.email)
          throw new MissingCredentialError(profile.name, 'Zendesk email and API token')
        return apiTokenAuthorization(auth.email, token)
      }
      case 'oauth-token': {
        const token = this.vault.secret(profileId, 'zendeskAccessToken')
        if (!token) throw new MissingCredentialError(profile.name, 'OAuth access token')
        return `Bearer ${token}`
      }
      case 'oauth-pkce':
      case 'oauth-client':
        return `Bearer ${await this.freshAccessToken(profile)}`
    }
  }

  async startPkce(profileId: string): Promise<{ flowId: string; authorizeUrl: string }> {
    const profile = this.vault.get(profileId)
    const { clientId, scopes } = profile.zendesk.auth
    if (profile.zendesk.auth.mode !== 'oauth-pkce' || !clientId) {
      throw new Error(
        `Profile "${profile.name}" is not set up for OAuth sign-in (authorization code with PKCE and a client id).`,
      )
    }
    const state = randomState()
    const { verifier, challenge } = createPkcePair()
    const listener = await startRedirectListener({ state })
    const flowId = randomUUID()
    this.flows.set(flowId, { profileId, verifier, listener })
    const url = new URL(`${profile.zendesk.baseUrl}/oauth/authorizations/new`)
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: listener.redirectUri,
      scope: scopes || DEFAULT_SCOPES,
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString()
    this.openExternal?.(url.toString())
    return { flowId, authorizeUrl: url.toString() }
  }

  async finishPkce(flowId: string): Promise<ProfileView> {
    const flow = this.flows.get(flowId)
    if (!flow) throw new Error('That sign-in is no longer pending: start it again.')
    try {
      const code = await flow.listener.code
      const profile = this.vault.get(flow.profileId)
      const tokens = await requestToken(this.http, {
        baseUrl: profile.zendesk.baseUrl,
        clientId: profile.zendesk.auth.clientId ?? '',
        clientSecret: this.vault.secret(flow.profileId, 'zendeskClientSecret'),
        grant: {
          grant_type: 'authorization_code',
          code,
          redirect_uri: flow.listener.redirectUri,
          code_verifier: flow.verifier,
        },
        now: this.now(),
      })
      return this.store(flow.profileId, tokens)
    } finally {
      this.flows.delete(flowId)
      await flow.listener.close()
    }
  }

  async clientCredentials(profileId: string): Promise<ProfileView> {
    const profile = this.vault.get(profileId)
    await this.freshAccessToken(profile, true)
    return this.vault.get(profileId)
  }

  async close(): Promise<void> {
    await Promise.all([...this.flows.values()].map((flow) => flow.listener.close()))
    this.flows.clear()
  }

  private freshAccessToken(profile: ProfileView, force = false): Promise<string> {
    const expiresAt = profile.zendesk.auth.accessTokenExpiresAt
    const current = this.vault.secret(profile.id, 'zendeskAccessToken')
    const stillGood =
      current && (!expiresAt || Date.parse(expiresAt) - this.now().getTime() > REFRESH_MARGIN_MS)
    if (stillGood && !force) return Promise.resolve(current)
    // Refresh tokens are single-use (zendesk.md §1.2): never run two refreshes at once.
    const running = this.refreshing.get(profile.id)
    if (running) return running
    const refresh = this.renew(profile).finally(() => this.refreshing.delete(profile.id))
    this.refreshing.set(profile.id, refresh)
    return refresh
  }

  private async renew(profile: ProfileView): Promise<string> {
    const { mode, clientId, scopes } = profile.zendesk.auth
    if (!clientId) throw new MissingCredentialError(profile.name, 'OAuth client id')
    const clientSecret = this.vault.secret(profile.id, 'zendeskClientSecret')
    if (mode === 'oauth-client') {
      if (!clientSecret) throw new MissingCredentialError(profile.name, 'OAuth client secret')
      const tokens = await requestToken(this.http, {
        baseUrl: profile.zendesk.baseUrl,
        clientId,
        clientSecret,
        scope: scopes || DEFAULT_SCOPES,
        grant: { grant_type: 'client_credentials' },
        now: this.now(),
      })
      this.store(profile.id, tokens)
      return tokens.accessToken
    }
    const refreshToken = this.vault.secret(profile.id, 'zendeskRefreshToken')
    if (!refreshToken) {
      throw new Error(
        `Profile "${profile.name}" is not signed in to Zendesk (or its sign-in expired): sign in with OAuth again.`,
      )
    }
    const tokens = await requestToken(this.http, {
      baseUrl: profile.zendesk.baseUrl,
      clientId,
      clientSecret,
      grant: { grant_type: 'refresh_token', refresh_token: refreshToken },
      now: this.now(),
    })
    this.store(profile.id, tokens)
    return tokens.accessToken
  }

  private store(profileId: string, tokens: TokenSet): ProfileView {
    this.vault.secrets.set(profileId, 'zendeskAccessToken', tokens.accessToken)
    if (tokens.refreshToken)
      this.vault.secrets.set(profileId, 'zendeskRefreshToken', tokens.refreshToken)
    return this.vault.patchAuth(profileId, { accessTokenExpiresAt: tokens.expiresAt })
  }
}
