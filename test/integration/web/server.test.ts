import { request } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../../main/core/engine'
import { startWebServer, type WebServer } from '../../../main/web/server'
import { createTestEngine } from '../../helpers/engine'
import { useTempDir } from '../../helpers/temp-dir'
import {
  browserApiClient,
  fakeRendererDir,
  handshakeStatus,
  openApiSocket,
  socketApiClient,
} from '../../helpers/web-door'

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Raw HTTP, so tests can send what fetch would not (wrong Host, no Origin, traversal). */
function raw(
  server: WebServer,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('browser door server', () => {
  const tempDir = useTempDir()
  let server: WebServer | undefined
  let engine: Engine | undefined

  afterEach(async () => {
    await server?.close()
    await engine?.close()
    server = undefined
  })

  async function start(extra: Partial<Parameters<typeof startWebServer>[0]> = {}) {
    const root = tempDir()
    engine = await createTestEngine(root)
    server = await startWebServer({ engine, rendererDir: fakeRendererDir(root), ...extra })
    return server
  }

  it('binds 127.0.0.1 and prints a URL carrying a fresh token', async () => {
    const a = await start()
    expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/)
    const first = a.token
    await a.close()
    server = undefined
    const b = await start()
    expect(b.token).not.toBe(first)
  })

  it('round-trips app.info through the typed client', async () => {
    const api = browserApiClient(await start())
    await expect(api.app.info()).resolves.toMatchObject({
      name: 'Bridgebench',
      version: '9.9.9-test',
      activeProfile: { name: 'Sandbox' },
      secretStorage: { backend: 'passphrase', locked: false },
    })
  })

  it('streams the current status, then live changes, over app.events', async () => {
    const api = browserApiClient(await start())
    const stop = new AbortController()
    const events = await api.app.events(undefined, { signal: stop.signal })
    const first = await events.next()
    expect(first.value).toMatchObject({
      type: 'status',
      status: { activeProfile: { id: 'sandbox' } },
    })
    engine?.notify('warning', 'Tunnel dropped')
    const second = await events.next()
    expect(second.value).toMatchObject({
      type: 'notice',
      level: 'warning',
      message: 'Tunnel dropped',
    })
    stop.abort()
  })

  it('names the field and the reason when input breaks the contract', async () => {
    const api = browserApiClient(await start())
    await expect(
      api.profiles.create({
        name: '',
        zendesk: 'acme',
        zendeskAuth: { mode: 'api-token', email: 'a@b.c' },
        brazeEndpoint: 'US-01',
      }),
    ).rejects.toThrow('name: Give the profile a name.')
  })

  it('refuses API calls without the token', async () => {
    const s = await start()
    const res = await raw(s, {
      method: 'POST',
      path: '/rpc/app/info',
      headers: { origin: s.origin, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(res.status).toBe(401)
    expect(res.body).toMatch(/access token/)
  })

  it('refuses API calls from another origin', async () => {
    const s = await start()
    const res = await raw(s, {
      method: 'POST',
      path: '/rpc/app/info',
      headers: { origin: 'https://evil.example', 'x-bridgebench-token': s.token },
      body: '{}',
    })
    expect(res.status).toBe(403)
  })

  it('changes nothing on GET: the API answers 405', async () => {
    const s = await start()
    const res = await raw(s, {
      path: '/rpc/app/info',
      headers: { origin: s.origin, 'x-bridgebench-token': s.token },
    })
    expect(res.status).toBe(405)
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const s = await start()
    const res = await raw(s, { path: '/', headers: { host: `attacker.example:${s.port}` } })
    expect(res.status).toBe(421)
  })

  it('serves the renderer with a strict CSP and no-referrer', async () => {
    const s = await start()
    const res = await raw(s, { path: '/?token=abc' })
    expect(res.status).toBe(200)
    expect(res.body).toContain('<title>Bridgebench</title>')
    expect(res.headers['content-security-policy']).toContain("script-src 'self'")
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    expect(res.headers['cache-control']).toBe('no-store')
  })

  it('falls back to index.html for screen paths and 404s missing assets', async () => {
    const s = await start()
    expect((await raw(s, { path: '/compose' })).status).toBe(200)
    expect((await raw(s, { path: '/assets/missing.js' })).status).toBe(404)
  })

  it('never serves files outside the renderer folder', async () => {
    const s = await start()
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await raw(s, { path })
      expect(res.body).not.toContain('outside the renderer')
    }
  })

  it('refuses to bind a non-loopback address without an explicit opt-in', async () => {
    await expect(start({ host: '0.0.0.0' })).rejects.toThrow(/--allow-remote/)
  })

  it('binds a non-loopback address when allowed, with a warning', async () => {
    const s = await start({ host: '0.0.0.0', allowRemote: true })
    expect(s.warnings[0]).toMatch(/other machines/)
  })

  it('serves the page over one WebSocket: calls and the event stream', async () => {
    const s = await start()
    const socket = openApiSocket(s)
    const api = socketApiClient(socket)
    await expect(api.app.info()).resolves.toMatchObject({ name: 'Bridgebench' })
    const events = await api.app.events()
    expect((await events.next()).value).toMatchObject({ type: 'status' })
    socket.close()
  })

  it('refuses the page socket without the token', async () => {
    const s = await start()
    expect(await handshakeStatus(openApiSocket(s, { token: 'wrong' }))).toBe(401)
  })

  it('refuses the page socket from another origin (cross-site WebSocket hijacking)', async () => {
    const s = await start()
    expect(await handshakeStatus(openApiSocket(s, { origin: 'https://evil.example' }))).toBe(403)
  })

  it('ends open event streams when it closes', async () => {
    const s = await start()
    const api = browserApiClient(s)
    const events = await api.app.events()
    await events.next()
    await s.close()
    server = undefined
    await expect(events.next()).rejects.toThrow()
  })
})
