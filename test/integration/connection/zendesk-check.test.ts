import { afterEach, describe, expect, it } from 'vitest'
import { checkZendeskSignIn } from '../../../main/core/connection/zendesk-check'
import {
  startScriptedServer,
  type ScriptedReply,
  type ScriptedServer,
} from '../../helpers/scripted-server'
import { offlineHttpClient } from '../../helpers/offline-http'

describe('Zendesk connection check', () => {
  let server: ScriptedServer | undefined
  afterEach(() => server?.close())

  async function check(reply: ScriptedReply, timeoutMs?: number) {
    server = await startScriptedServer(() => reply)
    return checkZendeskSignIn(offlineHttpClient(), {
      baseUrl: server.url,
      authorization: 'Basic xyz',
      timeoutMs,
    })
  }

  it('passes for an admin and reports latency', async () => {
    const result = await check({
      status: 200,
      body: { user: { id: 1, name: 'Ada', email: 'ada@x.io', role: 'admin' } },
    })
    expect(result).toMatchObject({ outcome: 'pass', status: 200 })
    expect(result.message).toMatch(/Signed in as Ada <ada@x.io> \(admin\)/)
    expect(result.latencyMs).toBeGreaterThanOrEqual(0)
    expect(server?.seen[0]).toMatchObject({ method: 'GET', path: '/api/v2/users/me.json' })
  })

  it('fails a 200 "Anonymous user" and says why', async () => {
    const result = await check({
      status: 200,
      body: { user: { id: null, name: 'Anonymous user', role: 'end-user' } },
    })
    expect(result).toMatchObject({ outcome: 'fail', reason: 'anonymous' })
    expect(result.message).toMatch(/Anonymous user.*credentials were not accepted/)
  })

  it('fails an end-user: tickets need an agent or admin', async () => {
    const result = await check({
      status: 200,
      body: { user: { id: 5, name: 'Eve', role: 'end-user' } },
    })
    expect(result).toMatchObject({ outcome: 'fail', reason: 'role' })
  })

  it('explains 401 with what Zendesk said', async () => {
    const result = await check({ status: 401, body: { error: "Couldn't authenticate you" } })
    expect(result).toMatchObject({ outcome: 'fail', reason: 'unauthorized', status: 401 })
    expect(result.message).toContain("Couldn't authenticate you")
  })

  it('names the missing OAuth scopes on 403', async () => {
    const result = await check({
      status: 403,
      body: {
        error: 'Forbidden',
        description: 'You are missing the following required scopes: read',
      },
    })
    expect(result).toMatchObject({ reason: 'forbidden' })
    expect(result.message).toMatch(/lacks the OAuth scopes read/)
  })

  it('reads 404 as a wrong subdomain', async () => {
    const result = await check({ status: 404, body: '' })
    expect(result).toMatchObject({ reason: 'not-found' })
    expect(result.message).toMatch(/Check the subdomain/)
  })

  it('reports a timeout', async () => {
    const result = await check({ status: 200, hang: true }, 300)
    expect(result).toMatchObject({ outcome: 'fail', reason: 'timeout' })
  })

  it('reports a TLS failure (https to a server that does not speak it)', async () => {
    server = await startScriptedServer(() => ({ status: 200 }))
    const result = await checkZendeskSignIn(offlineHttpClient(), {
      baseUrl: `https://127.0.0.1:${server.port}`,
      authorization: 'x',
    })
    expect(result).toMatchObject({ outcome: 'fail', reason: 'tls' })
  })

  it('reports a name that does not resolve', async () => {
    const result = await checkZendeskSignIn(offlineHttpClient(), {
      baseUrl: 'https://acme.zendesk.com',
      authorization: 'x',
    })
    expect(result).toMatchObject({ outcome: 'fail', reason: 'dns' })
    expect(result.message).toMatch(/acme\.zendesk\.com could not be resolved/)
  })

  it('fails a page that is not Zendesk', async () => {
    const result = await check({ status: 200, body: '<html>hello</html>' })
    expect(result).toMatchObject({ outcome: 'fail', reason: 'not-zendesk' })
  })
})
