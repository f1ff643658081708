import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startZendeskSimulator,
  type ZendeskSimulator,
} from '../../../main/core/simulators/zendesk/zendesk-simulator'
import { call, tokenAuth } from './support'

describe('simulated Zendesk authentication (reference/zendesk.md §1)', () => {
  let zendesk: ZendeskSimulator
  const me = (headers: Record<string, string> = {}) =>
    call(`${zendesk.apiUrl}/users/me.json`, { headers })
  const tickets = (headers: Record<string, string> = {}) =>
    call(`${zendesk.apiUrl}/tickets`, { headers })

  beforeAll(async () => {
    zendesk = await startZendeskSimulator({
      credentials: { email: 'admin@example.com', token: 'tok-123', oauthToken: 'oauth-456' },
      users: [{ name: 'Ada Lovelace', email: 'ada@example.com', externalId: 'u-1001' }],
    })
  })
  afterAll(() => zendesk.close())

  it('listens on 127.0.0.1 only', () => {
    expect(zendesk.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('accepts an API token as Basic "{email}/token:{token}"', async () => {
    const answer = await me({ authorization: tokenAuth(zendesk) })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ user: { email: 'admin@example.com', role: 'admin' } })
  })

  it('accepts an OAuth access token as Bearer', async () => {
    const answer = await tickets({ authorization: 'Bearer oauth-456' })
    expect(answer.status).toBe(200)
  })

  it('refuses password Basic auth even with a correct-looking pair, with the exact body and challenge', async () => {
    const password = `Basic ${Buffer.from('admin@example.com:tok-123').toString('base64')}`
    const answer = await tickets({ authorization: password })
    expect(answer.status).toBe(401)
    expect(answer.text).toBe('{"error":"Couldn\'t authenticate you"}')
    expect(answer.headers['www-authenticate']).toBe('Basic realm="Web Password"')
  })

  it('refuses a wrong API token with 401', async () => {
    const wrong = `Basic ${Buffer.from('admin@example.com/token:nope').toString('base64')}`
    expect((await tickets({ authorization: wrong })).status).toBe(401)
  })

  it('refuses an unknown OAuth token with the invalid_token body', async () => {
    const answer = await tickets({ authorization: 'Bearer expired' })
    expect(answer.status).toBe(401)
    expect(answer.body).toEqual({
      error: 'invalid_token',
      error_description:
        'The access token provided is expired, revoked, malformed or invalid for other reasons.',
    })
  })

  it('answers /users/me without credentials with 200 and an anonymous user whose id is null', async () => {
    const answer = await me()
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      user: { id: null, url: null, name: 'Anonymous user', role: 'end-user', verified: false },
    })
  })

  it('answers /users/me with the anonymous user when the token is wrong, too', async () => {
    const wrong = `Basic ${Buffer.from('admin@example.com/token:nope').toString('base64')}`
    expect(await me({ authorization: wrong })).toMatchObject({
      status: 200,
      body: { user: { id: null, name: 'Anonymous user' } },
    })
  })

  it('forbids an end user from agent endpoints with the flat 403 body', async () => {
    const answer = await tickets({ authorization: tokenAuth(zendesk, 'ada@example.com') })
    expect(answer.status).toBe(403)
    expect(answer.body).toEqual({
      error: 'Forbidden',
      description:
        'You do not have access to this page. Please contact the account owner of this help desk for further help.',
    })
  })

  it("sends Zendesk's general headers on every answer", async () => {
    const answer = await me()
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(answer.headers['x-zendesk-api-version']).toBe('v2')
    expect(answer.headers['x-request-id']).toMatch(/.+/)
  })

  it('answers 401 to token auth once API tokens are retired (2027-04-30)', async () => {
    zendesk.updateSettings({ apiTokensRetired: true })
    try {
      expect((await tickets({ authorization: tokenAuth(zendesk) })).status).toBe(401)
      expect((await tickets({ authorization: 'Bearer oauth-456' })).status).toBe(200)
    } finally {
      zendesk.updateSettings({ apiTokensRetired: false })
    }
  })

  it('can answer /users/me with 401 instead when the anonymous answer is switched off', async () => {
    zendesk.updateSettings({ anonymousUsersMe: false })
    try {
      expect((await me()).status).toBe(401)
    } finally {
      zendesk.updateSettings({ anonymousUsersMe: true })
    }
  })
})
