import { afterEach, describe, expect, it } from 'vitest'
import { createBrazeLiquid } from '../../../../../main/core/liquid/braze-liquid'
import { createLiveFetch } from '../../../../../main/core/liquid/tags/connected-content-fetch'
import { offlineHttpClient } from '../../../../helpers/offline-http'
import { startScriptedServer, type ScriptedServer } from '../../../../helpers/scripted-server'

/** Live Connected Content, allowed explicitly, against a loopback server only. */
let server: ScriptedServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const user = { external_id: 'u-1' }
const http = offlineHttpClient()

describe('live Connected Content', () => {
  it('sends what Braze would send and renders the saved answer', async () => {
    server = await startScriptedServer(() => ({ status: 200, body: { coupon: 'C-42' } }))
    const engine = createBrazeLiquid({ fetch: createLiveFetch(http) })
    const template = `{% connected_content ${server.url}/coupons :method post :body id={{\${user_id}}} :content_type application/json :save c %}{{c.coupon}} {{c.__http_status_code__}}`
    const result = await engine.render({ template, user, connectedContent: { live: true } })
    expect(result.output).toBe('C-42 200')
    expect(server.seen[0]).toMatchObject({ method: 'POST', path: '/coupons', body: '{"id":"u-1"}' })
    expect(server.seen[0]?.headers['content-type']).toBe('application/json')
    expect(result.connectedContent[0]).toMatchObject({ outcome: 'live', status: 200 })
  })

  it("gives up after Braze's time limit and inserts nothing", async () => {
    server = await startScriptedServer(() => ({ status: 200, hang: true }))
    const engine = createBrazeLiquid({ fetch: createLiveFetch(http, { timeoutMs: 200 }) })
    const result = await engine.render({
      template: `[{% connected_content ${server.url}/slow %}]`,
      user,
      connectedContent: { live: true },
    })
    expect(result.output).toBe('[]')
    expect(result.connectedContent[0]).toMatchObject({ outcome: 'failed' })
    expect(result.connectedContent[0]?.note).toContain('no answer within 0.2 s')
  })

  it('says why a call got no answer, as the request function classifies it', async () => {
    const closed = await startScriptedServer(() => ({ status: 200 }))
    await closed.close()
    const engine = createBrazeLiquid({ fetch: createLiveFetch(http) })
    const result = await engine.render({
      template: `[{% connected_content ${closed.url}/gone %}]`,
      user,
      connectedContent: { live: true },
    })
    expect(result.connectedContent[0]).toMatchObject({ outcome: 'failed' })
    expect(result.connectedContent[0]?.note).toContain('refused the connection')
  })

  it('refuses an answer over the size limit', async () => {
    server = await startScriptedServer(() => ({ status: 200, body: 'x'.repeat(2048) }))
    const engine = createBrazeLiquid({ fetch: createLiveFetch(http, { maxBytes: 1024 }) })
    const result = await engine.render({
      template: `{% connected_content ${server.url}/big %}`,
      user,
      connectedContent: { live: true },
    })
    expect(result.connectedContent[0]?.note).toContain(
      'the answer is 2048 bytes; Braze accepts at most 1024',
    )
  })

  it('does not follow redirects', async () => {
    server = await startScriptedServer(() => ({
      status: 302,
      body: 'moved',
      headers: { location: 'http://127.0.0.1:9/elsewhere' },
    }))
    const engine = createBrazeLiquid({ fetch: createLiveFetch(http) })
    const result = await engine.render({
      template: `{% connected_content ${server.url}/r %}`,
      user,
      connectedContent: { live: true },
    })
    expect(result.connectedContent[0]).toMatchObject({ outcome: 'live', status: 302 })
    expect(server.seen).toHaveLength(1)
  })
})
