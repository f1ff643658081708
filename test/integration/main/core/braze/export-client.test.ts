import { afterEach, describe, expect, it } from 'vitest'
import { loadBrazeUser } from '../../../../../main/core/braze/export-client'
import { RubyFloat } from '../../../../../shared/numbers/ruby-float'
import {
  startScriptedServer,
  type ScriptedReply,
  type ScriptedServer,
} from '../../../../helpers/scripted-server'
import { offlineHttpClient } from '../../../../helpers/offline-http'

/** Load from Braze against a loopback stand-in for POST /users/export/ids (braze.md §6). */
let server: ScriptedServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function load(
  reply: ScriptedReply | ((body: string) => ScriptedReply),
  options: { timeoutMs?: number } = {},
) {
  server = await startScriptedServer((request) =>
    typeof reply === 'function' ? reply(request.body) : reply,
  )
  return loadBrazeUser(offlineHttpClient(), {
    endpoint: server.url,
    apiKey: 'rest-key',
    externalId: 'u-1001',
    ...options,
  })
}

describe('loading a user from Braze', () => {
  it('posts the external id with the fields a preview needs, and returns the profile', async () => {
    const result = await load({
      status: 201,
      body: {
        message: 'success',
        users: [{ external_id: 'u-1001', first_name: 'Ada', custom_attributes: { plan: 'pro' } }],
      },
    })
    expect(result).toEqual({
      ok: true,
      user: { external_id: 'u-1001', first_name: 'Ada', custom_attributes: { plan: 'pro' } },
    })
    const [request] = server?.seen ?? []
    expect(request?.path).toBe('/users/export/ids')
    expect(request?.headers.authorization).toBe('Bearer rest-key')
    const sent = JSON.parse(request?.body ?? '{}') as {
      external_ids: string[]
      fields_to_export: string[]
    }
    expect(sent.external_ids).toEqual(['u-1001'])
    expect(sent.fields_to_export).toEqual(
      expect.arrayContaining(['email', 'custom_attributes', 'dob', 'home_city']),
    )
  })

  it('keeps a custom attribute of 2.0 a Float, as Braze wrote it', async () => {
    const result = await load({
      status: 201,
      body: '{"message":"success","users":[{"external_id":"u-1001","custom_attributes":{"balance":2.0,"visits":2}}]}',
    })
    expect(result).toStrictEqual({
      ok: true,
      user: { external_id: 'u-1001', custom_attributes: { balance: new RubyFloat(2), visits: 2 } },
    })
  })

  it('says so when no user has the id', async () => {
    const result = await load({
      status: 201,
      body: { message: 'success', users: [], invalid_user_ids: ['u-1001'] },
    })
    expect(result).toMatchObject({ ok: false, reason: 'not-found', status: 201 })
    if (!result.ok) expect(result.message).toContain('(Braze lists it under invalid_user_ids)')
  })

  it.each([
    [
      401,
      'unauthorized',
      /refused the API key \(401, Braze said "nope"\).*another instance \(EU vs US\)/,
    ],
    [403, 'forbidden', /lacks the users\.export\.ids permission \(403, Braze said "nope"\)/],
    [404, 'endpoint', /no Braze REST API at http:\/\/127\.0\.0\.1:\d+ \(404\)/],
    [500, 'server', /server error \(500\); try again/],
    [503, 'server', /server error \(503\)/],
  ])('maps HTTP %i to %s with an actionable message', async (status, reason, message) => {
    const result = await load({ status, body: { message: 'nope' } })
    expect(result).toMatchObject({ ok: false, reason, status })
    if (!result.ok) expect(result.message).toMatch(message)
  })

  it('tells when the rate limit resets on 429', async () => {
    const result = await load({
      status: 429,
      body: { message: 'Rate Limited' },
      headers: { 'x-ratelimit-reset': '1795000000' },
    })
    expect(result).toMatchObject({ ok: false, reason: 'rate-limited' })
    if (!result.ok) expect(result.message).toContain('the limit resets at 2026-11-18T')
  })

  it('flags an answer that is not JSON', async () => {
    const result = await load({ status: 200, body: '<html>login</html>' })
    expect(result).toMatchObject({ ok: false, reason: 'not-json' })
    if (!result.ok) expect(result.message).toContain('it starts with "<html>login</html>"')
  })

  it('gives up after the timeout', async () => {
    const result = await load({ status: 200, hang: true }, { timeoutMs: 200 })
    expect(result).toMatchObject({ ok: false, reason: 'timeout' })
  })

  it('explains a refused connection', async () => {
    const closed = await startScriptedServer(() => ({ status: 200 }))
    await closed.close()
    const result = await loadBrazeUser(offlineHttpClient(), {
      endpoint: closed.url,
      apiKey: 'k',
      externalId: 'u',
    })
    expect(result).toMatchObject({ ok: false, reason: 'network' })
    if (!result.ok) expect(result.message).toContain('refused the connection')
  })

  it('checks its input before calling anyone', async () => {
    expect(
      await loadBrazeUser(offlineHttpClient(), {
        endpoint: 'https://rest.iad-01.braze.com',
        apiKey: 'k',
        externalId: ' ',
      }),
    ).toMatchObject({
      ok: false,
      reason: 'invalid-input',
    })
    expect(
      await loadBrazeUser(offlineHttpClient(), {
        endpoint: 'http://example.com',
        apiKey: 'k',
        externalId: 'u',
      }),
    ).toMatchObject({
      ok: false,
      reason: 'invalid-input',
    })
  })
})
