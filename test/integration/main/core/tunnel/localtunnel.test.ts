import { request } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import type { TunnelStatus } from '../../../../../shared/contract/tunnel'
import { providerFactory } from '../../../../../main/core/tunnel/create-tunnel-provider'
import { createProbeSender } from '../../../../../main/core/tunnel/probe-request'
import { runSelfTest } from '../../../../../main/core/tunnel/self-test'
import { TunnelService } from '../../../../../main/core/tunnel/tunnel-service'
import { startLoopbackLocaltunnelServer } from '../../../../helpers/loopback-localtunnel-server'
import { loopbackLookup, startStandInReceiver } from '../../../../helpers/stand-in-receiver'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setUp(headers: 'parsed' | 'raw' = 'parsed') {
  const receiver = await startStandInReceiver()
  cleanups.push(receiver.close)
  const server = await startLoopbackLocaltunnelServer({ headers, maxConn: 2 })
  cleanups.push(server.close)
  const send = createProbeSender({ lookup: loopbackLookup })
  const tunnel = new TunnelService({
    createProvider: providerFactory(),
    selfTest: { awaitArrival: receiver.awaitArrival, send, intervalMs: 0, timeoutMs: 5_000 },
    backoff: { initialMs: 20, maxMs: 200, random: () => 0.5 },
  })
  cleanups.push(() => tunnel.close())
  const seen: TunnelStatus[] = []
  tunnel.onStatus((status) => seen.push(status))
  const online = await tunnel.start({
    localPort: receiver.port,
    choice: { provider: 'localtunnel', serverUrl: server.url },
  })
  // The first self-test runs right after going online; let it finish before a test looks.
  await until(() => tunnel.status.state === 'online' && tunnel.status.lastSelfTest !== undefined)
  return { receiver, server, tunnel, seen, online, send }
}

function statesUntilOnline(seen: TunnelStatus[]): string[] {
  const states = seen.map((s) => s.state)
  return states.slice(0, states.indexOf('online') + 1)
}

/** Sends raw header lines and bytes to a public tunnel URL, connecting to 127.0.0.1. */
function sendPublic(publicUrl: string, path: string, rawHeaders: string[], body: Buffer) {
  const url = new URL(path, publicUrl)
  return new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: url.port,
        method: 'POST',
        path: url.pathname,
        headers: ['Host', url.host, ...rawHeaders, 'Content-Length', String(body.length)],
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) resolve()
      else if (performance.now() - started > timeoutMs) reject(new Error('condition not met'))
      else setTimeout(tick, 10)
    }
    tick()
  })
}

/** Bytes that are not valid UTF-8 anywhere, split so a chunk-to-string decoder would mangle them. */
const NON_UTF8 = Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0xc3, 0x28, 0xe2, 0x82, 0x80, 0x81, 0x7d])

describe('localtunnel-compatible provider, end to end on loopback', () => {
  it('comes online with the URL the server granted', async () => {
    const { online, seen, server } = await setUp()
    const id = [...server.clients.keys()][0]
    expect(online.publicUrl).toBe(`http://${id}.localhost:${server.port}`)
    expect(statesUntilOnline(seen)).toEqual(['connecting', 'online'])
  })

  it('delivers a non-UTF-8 body and repeated headers byte for byte', async () => {
    const { online, receiver } = await setUp('raw')
    const headers = ['Content-Type', 'application/octet-stream', 'X-Dup', 'one', 'X-Dup', 'two']
    const status = await sendPublic(online.publicUrl, '/hooks/zendesk', headers, NON_UTF8)
    expect(status).toBe(200)
    const [capture] = receiver.captures
    expect(capture?.body.equals(NON_UTF8)).toBe(true)
    expect(capture?.rawHeaders.filter(([name]) => name === 'X-Dup')).toEqual([
      ['X-Dup', 'one'],
      ['X-Dup', 'two'],
    ])
  })

  it('keeps every header line as the server wrote it onto the tunnel socket', async () => {
    const { online, receiver } = await setUp('raw')
    const headers = ['X-MiXeD-CaSe', 'v', 'x-dup', 'a', 'X-DUP', 'b']
    await sendPublic(online.publicUrl, '/hooks/zendesk', headers, NON_UTF8)
    const host = new URL(online.publicUrl).host
    expect(receiver.captures[0]?.rawHeaders).toEqual([
      ['Host', host],
      ['X-MiXeD-CaSe', 'v'],
      ['x-dup', 'a'],
      ['X-DUP', 'b'],
      ['Content-Length', String(NON_UTF8.length)],
      ['Connection', 'keep-alive'],
    ])
  })

  it('self-test reports what the stand-in server changed and the round trip', async () => {
    const { online, receiver, send } = await setUp('parsed')
    const report = await runSelfTest(online.publicUrl, {
      awaitArrival: receiver.awaitArrival,
      send,
    })
    expect(report.ok).toBe(true)
    expect(report.roundTripMs).toBeGreaterThan(0)
    expect(report.changes?.host).toBeNull()
    expect(report.changes?.body.changed).toBe(false)
    expect(report.changes?.added.map(([name]) => name)).toEqual([
      'x-forwarded-for',
      'x-forwarded-proto',
    ])
    expect(report.changes?.caseChanged).toContainEqual({
      sent: 'X-Bridgebench-Probe',
      arrived: 'x-bridgebench-probe',
    })
    expect(report.changes?.mergedDuplicates).toEqual([
      { name: 'X-Bridgebench-Repeat', sent: ['first', 'second'], arrived: ['first, second'] },
    ])
    expect(report.changes?.forwardedFor).toBe('127.0.0.1')
  })

  it('reconnects when the server drops the tunnel: error, connecting, online', async () => {
    const { server, seen, tunnel } = await setUp()
    const first = [...server.clients.keys()][0] as string
    seen.length = 0
    server.dropClient(first)
    await until(() => seen.some((s) => s.state === 'online'))
    expect(statesUntilOnline(seen)).toEqual(['error', 'connecting', 'online'])
    const error = seen[0] as TunnelStatus & { state: 'error' }
    expect(error.retryable).toBe(true)
    expect(error.reason).toMatch(/dropped this tunnel/)
    expect(tunnel.status.state === 'online' && tunnel.status.publicUrl).not.toContain(first)
  })

  it('passes the self-test again after reconnecting', async () => {
    const { server, seen } = await setUp()
    seen.length = 0
    server.dropClient([...server.clients.keys()][0] as string)
    await until(() => seen.some((s) => s.state === 'online' && s.lastSelfTest !== undefined))
    const proven = seen.find((s) => s.state === 'online' && s.lastSelfTest)
    expect(proven?.state === 'online' && proven.lastSelfTest?.ok).toBe(true)
  })

  it('answers 502 through the tunnel when the receiver is not listening', async () => {
    const { online, receiver } = await setUp('raw')
    await receiver.close()
    const status = await sendPublic(online.publicUrl, '/hooks/zendesk', [], NON_UTF8)
    expect(status).toBe(502)
  })

  it('says clearly when the server URL is not a localtunnel server', async () => {
    const receiver = await startStandInReceiver()
    cleanups.push(receiver.close)
    const tunnel = new TunnelService({ createProvider: providerFactory() })
    const started = tunnel.start({
      localPort: receiver.port,
      choice: { provider: 'localtunnel', serverUrl: receiver.url },
    })
    await expect(started).rejects.toThrow(/refused a tunnel: HTTP 404/)
    expect(tunnel.status).toMatchObject({ state: 'error', retryable: false })
  })

  it('says clearly when the server cannot be reached', async () => {
    const tunnel = new TunnelService({ createProvider: providerFactory() })
    const started = tunnel.start({
      localPort: 9,
      choice: { provider: 'localtunnel', serverUrl: 'http://127.0.0.1:9' },
    })
    await expect(started).rejects.toThrow(/could not be reached: .*refused the connection/)
    expect(tunnel.status).toMatchObject({ state: 'error', retryable: true })
  })
})
