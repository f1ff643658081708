import { afterEach, describe, expect, it } from 'vitest'
import { brazeHandoff } from '../../../main/core/zendesk/braze-handoff'
import { ZendeskAuthorizer } from '../../../main/core/zendesk/zendesk-authorizer'
import { startFakeOAuthServer, type FakeOAuthServer } from '../../helpers/oauth-server'
import { offlineHttpClient } from '../../helpers/offline-http'
import { useTempDir } from '../../helpers/temp-dir'
import { createVault } from '../../helpers/vault'

const NOW = new Date('2026-11-30T07:00:00Z')
const BODY = '{"ticket": {"subject": "Hi {{${first_name}}}"}}'

describe('Copy for Braze', () => {
  const tempDir = useTempDir()
  let server: FakeOAuthServer | undefined
  afterEach(() => server?.close())

  async function setup(mode: 'oauth-client' | 'api-token') {
    server = await startFakeOAuthServer({ expiresIn: 1800 })
    const vault = createVault(tempDir())
    const profile = vault.create({
      name: 'Acme',
      zendesk: server.baseUrl,
      zendeskAuth:
        mode === 'oauth-client'
          ? { mode, clientId: server.clientId, scopes: 'tickets:write' }
          : { mode, email: 'admin@acme.test' },
      brazeEndpoint: 'US-01',
      secrets:
        mode === 'oauth-client'
          ? { zendeskClientSecret: server.clientSecret }
          : { zendeskApiToken: 'api-token-0123456789' },
    })
    const authorizer = new ZendeskAuthorizer(vault, offlineHttpClient(), () => NOW)
    const copied: string[] = []
    const deps = {
      vault,
      authorizer,
      now: () => NOW,
      copyToClipboard: (t: string) => copied.push(t),
    }
    return { deps, profile, copied }
  }

  it('gives the composer fields with a minted Bearer token, masked, and its expiry', async () => {
    const { deps, profile } = await setup('oauth-client')
    const handoff = await brazeHandoff(deps, profile.id, {
      body: BODY,
      headers: { 'X-Source': 'braze' },
      copy: 'masked',
    })
    expect(handoff.url).toBe(`${server!.baseUrl}/api/v2/tickets.json`)
    expect(handoff.method).toBe('POST')
    expect(handoff.body).toBe(BODY)
    const auth = handoff.headers.find((h) => h.name === 'Authorization')!
    expect(auth).toMatchObject({ secret: true })
    expect(auth.value).toMatch(/^Bearer /)
    expect([...server!.validAccessTokens].some((t) => auth.value.includes(t))).toBe(false)
    expect(handoff.headers.map((h) => h.name)).toEqual([
      'Content-Type',
      'X-Source',
      'Authorization',
    ])
    expect(handoff.authorization).toMatchObject({
      kind: 'oauth-bearer',
      expiresAt: '2026-11-30T07:30:00.000Z',
    })
  })

  it('copies the unmasked token only on the desktop, when asked', async () => {
    const { deps, profile, copied } = await setup('oauth-client')
    const handoff = await brazeHandoff(deps, profile.id, {
      body: BODY,
      headers: {},
      copy: 'secrets',
    })
    expect(handoff.copied).toBe(true)
    const token = [...server!.validAccessTokens][0]!
    expect(copied[0]).toContain(`Header: Authorization: Bearer ${token}`)
    const { copyToClipboard: _none, ...browser } = deps
    await expect(
      brazeHandoff(browser, profile.id, { body: BODY, headers: {}, copy: 'secrets' }),
    ).rejects.toThrow(/only available in the desktop app/)
  })

  it('warns an API-token profile that its Basic header dies on 2027-04-30', async () => {
    const { deps, profile } = await setup('api-token')
    const handoff = await brazeHandoff(deps, profile.id, {
      body: BODY,
      headers: {},
      copy: 'masked',
    })
    expect(handoff.authorization.kind).toBe('api-token-basic')
    expect(handoff.authorization.note).toMatch(/2027-04-30/)
  })
})
