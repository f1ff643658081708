import { afterEach, describe, expect, it } from 'vitest'
import { ZendeskAuthorizer } from '../../../main/core/zendesk/zendesk-authorizer'
import { startFakeOAuthServer, type FakeOAuthServer } from '../../helpers/oauth-server'
import { useTempDir } from '../../helpers/temp-dir'
import { createVault } from '../../helpers/vault'
import { offlineHttpClient } from '../../helpers/offline-http'

describe('Zendesk OAuth', () => {
  const tempDir = useTempDir()
  let server: FakeOAuthServer | undefined
  afterEach(() => server?.close())

  async function setup(
    mode: 'oauth-pkce' | 'oauth-client',
    clock = { now: new Date('2026-11-25T10:00:00Z') },
  ) {
    server = await startFakeOAuthServer()
    const vault = createVault(tempDir())
    const profile = vault.create({
      name: 'Acme OAuth',
      zendesk: server.baseUrl,
      zendeskAuth: { mode, clientId: server.clientId, scopes: 'read write' },
      brazeEndpoint: 'US-01',
      secrets: mode === 'oauth-client' ? { zendeskClientSecret: server.clientSecret } : {},
    })
    const opened: string[] = []
    const authorizer = new ZendeskAuthorizer(
      vault,
      offlineHttpClient(),
      () => clock.now,
      (url) => opened.push(url),
    )
    return { vault, profile, authorizer, opened, clock, server }
  }

  it('signs in with authorization code + PKCE through a loopback redirect, end to end', async () => {
    const { vault, profile, authorizer, opened, server } = await setup('oauth-pkce')
    const { flowId, authorizeUrl } = await authorizer.startPkce(profile.id)
    expect(opened).toEqual([authorizeUrl])
    const params = new URL(authorizeUrl).searchParams
    expect(params.get('code_challenge_method')).toBe('S256')
    expect(params.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/)
    // The "browser": follow the authorize URL; the fake server approves and redirects back.
    const page = await fetch(authorizeUrl)
    expect(await page.text()).toContain('Signed in')
    const signedIn = await authorizer.finishPkce(flowId)
    expect(signedIn.secrets.zendeskAccessToken.set).toBe(true)
    expect(signedIn.secrets.zendeskRefreshToken.set).toBe(true)
    expect(signedIn.zendesk.auth.accessTokenExpiresAt).toBe('2026-11-25T10:30:00.000Z')
    expect(server.grants).toEqual(['authorization_code'])
    const header = await authorizer.authorization(profile.id)
    expect(server.validAccessTokens.has(header.replace('Bearer ', ''))).toBe(true)
    expect(JSON.stringify(vault.get(profile.id))).not.toMatch(/at-|rt-/)
  })

  it('refuses a callback whose state is not ours', async () => {
    const { profile, authorizer } = await setup('oauth-pkce')
    const { authorizeUrl } = await authorizer.startPkce(profile.id)
    const callback = new URL(new URL(authorizeUrl).searchParams.get('redirect_uri') ?? '')
    callback.searchParams.set('code', 'stolen')
    callback.searchParams.set('state', 'forged')
    const answer = await fetch(callback)
    expect(answer.status).toBe(400)
    await authorizer.close()
  })

  it('refreshes the access token before it expires, once, with the single-use refresh token', async () => {
    const { profile, authorizer, clock, server } = await setup('oauth-pkce')
    const { flowId, authorizeUrl } = await authorizer.startPkce(profile.id)
    await fetch(authorizeUrl)
    await authorizer.finishPkce(flowId)
    const first = await authorizer.authorization(profile.id)
    clock.now = new Date('2026-11-25T10:29:00Z') // one minute before expiry
    const [a, b] = await Promise.all([
      authorizer.authorization(profile.id),
      authorizer.authorization(profile.id),
    ])
    expect(a).toBe(b)
    expect(a).not.toBe(first)
    expect(server.grants).toEqual(['authorization_code', 'refresh_token'])
  })

  it('gets a token with the client-credentials grant', async () => {
    const { profile, authorizer, server } = await setup('oauth-client')
    const view = await authorizer.clientCredentials(profile.id)
    expect(view.secrets.zendeskAccessToken.set).toBe(true)
    expect(server.grants).toEqual(['client_credentials'])
  })

  it('explains a refused client', async () => {
    const { vault, profile, authorizer } = await setup('oauth-client')
    vault.setSecret(profile.id, 'zendeskClientSecret', 'wrong-secret-000000')
    await expect(authorizer.clientCredentials(profile.id)).rejects.toThrow(
      /invalid_client|client id and secret/,
    )
  })

  it('tells the user to sign in when an OAuth profile has no tokens yet', async () => {
    const { profile, authorizer } = await setup('oauth-pkce')
    await expect(authorizer.authorization(profile.id)).rejects.toThrow(/not signed in/)
  })
})
