import { createServer, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import { createServer as createHttpsServer } from 'node:https'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { createHttpClient, type HttpRequest } from '../../../../../main/core/net/http-request'
import { fakeLookup } from '../../../../helpers/offline-http'
import { startRawTcpServer, type RawTcpServer } from '../../../../helpers/raw-tcp-server'

/** The one outbound path against raw loopback sockets: what goes on the wire, what comes back. */
const client = createHttpClient({ lookup: fakeLookup({ 'zendesk.test': '127.0.0.1' }) })

let server: RawTcpServer | undefined
const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  await server?.close()
  server = undefined
  for (const close of closers.splice(0)) await close()
})

const OK = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'

async function answering(raw: string | Buffer) {
  server = await startRawTcpServer((socket) => socket.end(raw))
  return server
}

function post(url: string, extra: Partial<HttpRequest> = {}): HttpRequest {
  return { method: 'POST', url, headers: [], body: '{}', timeoutMs: 2000, ...extra }
}

/** A plain TCP server that reads whatever arrives and does only what `onSocket` says. */
async function tcpServer(onSocket: (socket: Socket) => void): Promise<number> {
  const sockets = new Set<Socket>()
  const tcp: Server = createServer((socket) => {
    sockets.add(socket)
    socket.resume()
    socket.on('error', () => undefined)
    onSocket(socket)
  })
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve))
  closers.push(
    () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        tcp.close(() => resolve())
      }),
  )
  return (tcp.address() as AddressInfo).port
}

const TLS_FIXTURES = path.resolve(import.meta.dirname, '../../../../fixtures/tls')
/** A self-signed certificate for zendesk.test, valid until 2126; test use only. */
const TEST_CERT = readFileSync(path.join(TLS_FIXTURES, 'zendesk-test.crt'), 'utf8')

/** An https server for zendesk.test that answers 200 "ok". */
async function tlsServer(): Promise<number> {
  const https = createHttpsServer(
    { cert: TEST_CERT, key: readFileSync(path.join(TLS_FIXTURES, 'zendesk-test.key')) },
    (_req, res) => res.end('ok'),
  )
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve))
  closers.push(
    () =>
      new Promise((resolve) => {
        https.closeAllConnections()
        https.close(() => resolve())
      }),
  )
  return (https.address() as AddressInfo).port
}

/** Never answers: the request hangs until the client gives up. */
const silentServer = () => tcpServer(() => undefined)

describe('the request as it goes on the wire', () => {
  it('writes header lines in the given order and case, duplicates kept, Host first', async () => {
    const { url, port, received } = await answering(OK)
    const request = post(`${url}/api/v2/tickets.json?async=1`, {
      headers: [
        ['Content-Type', 'application/json'],
        ['X-Trace', 'one'],
        ['x-trace', 'two'],
        ['idempotency-key', 'k-1'],
      ],
      body: '{"a":1}',
    })
    await client.send(request)
    expect(received[0]?.toString('latin1')).toBe(
      'POST /api/v2/tickets.json?async=1 HTTP/1.1\r\n' +
        `Host: 127.0.0.1:${port}\r\n` +
        'Content-Type: application/json\r\n' +
        'X-Trace: one\r\n' +
        'x-trace: two\r\n' +
        'idempotency-key: k-1\r\n' +
        'Content-Length: 7\r\n' +
        'Connection: close\r\n' +
        '\r\n' +
        '{"a":1}',
    )
  })

  it('writes exactly the lines headersFor reports, so records match the wire', async () => {
    const { url, received } = await answering(OK)
    const withAgent = createHttpClient({ userAgent: 'Bridgebench/9.9.9' })
    const request = post(`${url}/x`, { headers: [['Accept', 'application/json']] })
    await withAgent.send(request)
    const head = received[0]!.toString('latin1').split('\r\n\r\n')[0]!
    const lines = head
      .split('\r\n')
      .slice(1)
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)])
    expect(lines).toEqual(withAgent.headersFor(request))
    expect(lines).toContainEqual(['User-Agent', 'Bridgebench/9.9.9'])
  })

  it('sends a non-UTF-8 body byte for byte with its byte length', async () => {
    const { url, received } = await answering(OK)
    const body = Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x0a, 0x80])
    await client.send(post(url, { body }))
    const raw = received[0]!
    expect(raw.subarray(raw.indexOf('\r\n\r\n') + 4)).toEqual(body)
    expect(raw.toString('latin1')).toContain('\r\nContent-Length: 7\r\n')
  })

  it('corrects a wrong Content-Length in place instead of cutting the body', async () => {
    const { url, received } = await answering(OK)
    await client.send(post(url, { headers: [['content-length', '2']], body: 'héllo' }))
    expect(received[0]?.toString('utf8')).toMatch(
      /\r\ncontent-length: 6\r\nConnection: close\r\n\r\nhéllo$/,
    )
  })

  it('announces an empty POST body as Content-Length: 0, and a GET with none', async () => {
    const { url, received } = await answering(OK)
    await client.send(post(url, { body: undefined }))
    expect(received[0]?.toString('latin1')).toContain('\r\nContent-Length: 0\r\n')
    await server?.close()
    const again = await answering(OK)
    await client.send({ method: 'GET', url: again.url, headers: [], timeoutMs: 2000 })
    expect(again.received[0]?.toString('latin1')).not.toMatch(/content-length|transfer-encoding/i)
  })
})

describe('the answer as it came back', () => {
  it('keeps status text, header order, case and duplicates, and the body bytes', async () => {
    const body = Buffer.from([0x7b, 0xff, 0x00, 0x7d])
    const head =
      'HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\n' +
      'X-Zendesk-Request-Id: abc\r\nContent-Length: 4\r\n\r\n'
    const { url } = await answering(Buffer.concat([Buffer.from(head, 'latin1'), body]))
    const outcome = await client.send(post(url))
    expect(outcome).toMatchObject({
      kind: 'answered',
      status: 429,
      statusText: 'Too Many Requests',
    })
    if (outcome.kind !== 'answered') return
    expect(outcome.headers).toEqual([
      ['Retry-After', '7'],
      ['Set-Cookie', 'a=1'],
      ['set-cookie', 'b=2'],
      ['X-Zendesk-Request-Id', 'abc'],
      ['Content-Length', '4'],
    ])
    expect(outcome.body).toEqual(body)
    expect(outcome.bodySize).toBe(4)
  })

  it('does not follow a redirect: the 3xx is the answer', async () => {
    const { url, received } = await answering(
      'HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:9/elsewhere\r\nContent-Length: 0\r\n\r\n',
    )
    const outcome = await client.send(post(url))
    expect(outcome).toMatchObject({ kind: 'answered', status: 302 })
    expect(received).toHaveLength(1)
  })

  it('does not decompress: a gzip body stays gzip bytes', async () => {
    const gz = gzipSync('hello')
    const head = `HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: ${gz.length}\r\n\r\n`
    const { url, received } = await answering(Buffer.concat([Buffer.from(head), gz]))
    const outcome = await client.send(post(url))
    expect(outcome.kind === 'answered' && outcome.body).toEqual(gz)
    expect(received[0]?.toString('latin1')).not.toMatch(/accept-encoding/i)
  })

  it('keeps only maxResponseBytes of the body and counts the rest', async () => {
    const { url } = await answering(`HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789`)
    const outcome = await client.send(post(url, { maxResponseBytes: 4 }))
    expect(outcome).toMatchObject({ kind: 'answered', bodySize: 10 })
    expect(outcome.kind === 'answered' && outcome.body.toString()).toBe('0123')
  })

  it('times the phases from the socket: DNS, connect, first byte and total; no TLS on http', async () => {
    const { port } = await answering(OK)
    const outcome = await client.send(post(`http://zendesk.test:${port}/`))
    expect(outcome.kind).toBe('answered')
    const { timings } = outcome
    expect(timings.dns).toBeGreaterThanOrEqual(0)
    expect(timings.connect).toBeGreaterThanOrEqual(0)
    expect(timings.firstByte).toBeGreaterThanOrEqual(0)
    expect(timings.tls).toBeUndefined()
    expect(timings.total).toBeGreaterThanOrEqual(
      (timings.dns ?? 0) + (timings.connect ?? 0) + (timings.firstByte ?? 0),
    )
  })

  it('times the TLS handshake on https, trusting only the CAs it was given', async () => {
    const tls = await tlsServer()
    const trusting = createHttpClient({
      lookup: fakeLookup({ 'zendesk.test': '127.0.0.1' }),
      extraCa: [TEST_CERT],
    })
    const outcome = await trusting.send(post(`https://zendesk.test:${tls}/`))
    expect(outcome).toMatchObject({ kind: 'answered', status: 200 })
    expect(outcome.timings.tls).toBeGreaterThan(0)
    expect(outcome.timings.connect).toBeGreaterThanOrEqual(0)
    const strict = await client.send(post(`https://zendesk.test:${tls}/`))
    expect(strict).toMatchObject({ kind: 'failed', failure: { reason: 'tls' } })
  })

  it('skips the DNS phase for an IP address', async () => {
    const { url } = await answering(OK)
    const outcome = await client.send(post(url))
    expect(outcome.timings.dns).toBeUndefined()
    expect(outcome.timings.connect).toBeGreaterThanOrEqual(0)
  })
})

describe('a request that got no answer', () => {
  it('reports a refused connection', async () => {
    const closed = await answering(OK)
    await closed.close()
    server = undefined
    const outcome = await client.send(post(closed.url))
    expect(outcome).toMatchObject({ kind: 'failed', failure: { reason: 'refused' } })
    expect(outcome.kind === 'failed' && outcome.failure.message).toBe(
      `127.0.0.1:${closed.port} refused the connection: nothing is listening there. Check the URL and port.`,
    )
  })

  it('reports a connection reset in the middle of the answer', async () => {
    server = await startRawTcpServer((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial', () =>
        socket.resetAndDestroy(),
      )
    })
    const outcome = await client.send(post(server.url))
    expect(outcome).toMatchObject({ kind: 'failed', failure: { reason: 'reset' } })
    expect(outcome.kind === 'failed' && outcome.failure.message).toMatch(
      /^127\.0\.0\.1:\d+ closed the connection unexpectedly \(ECONNRESET\); try again\.$/,
    )
  })

  it('gives up at the deadline when the server stays silent', async () => {
    const port = await silentServer()
    const outcome = await client.send(post(`http://127.0.0.1:${port}/`, { timeoutMs: 150 }))
    expect(outcome).toMatchObject({ kind: 'failed', failure: { reason: 'timeout' } })
    expect(outcome.kind === 'failed' && outcome.failure.message).toMatch(/did not answer in time/)
    expect(outcome.timings.total).toBeGreaterThanOrEqual(140)
    expect(outcome.timings.connect).toBeGreaterThanOrEqual(0)
  })

  it('reports a TLS failure when the server does not speak TLS', async () => {
    const port = await tcpServer((socket) => socket.end('garbage, not TLS\r\n\r\n'))
    const outcome = await client.send(post(`https://zendesk.test:${port}/`))
    expect(outcome).toMatchObject({ kind: 'failed', failure: { reason: 'tls' } })
    expect(outcome.kind === 'failed' && outcome.failure.message).toMatch(
      /^The secure connection to zendesk\.test:\d+ failed .*http-only server behind an https URL/,
    )
  })

  it('reports a name that does not resolve, asking only the injected resolver', async () => {
    const outcome = await client.send(post('https://acme.zendesk.com/api/v2/users/me.json'))
    expect(outcome).toMatchObject({ kind: 'failed', failure: { reason: 'dns' } })
    expect(outcome.kind === 'failed' && outcome.failure.message).toBe(
      'The name acme.zendesk.com could not be resolved (ENOTFOUND). Check the spelling (subdomain, endpoint) and your network or VPN.',
    )
  })

  it('stops when its signal is aborted, as cancelled', async () => {
    const port = await silentServer()
    const controller = new AbortController()
    const pending = client.send(post(`http://127.0.0.1:${port}/`, { signal: controller.signal }))
    setTimeout(() => controller.abort(), 50)
    const outcome = await pending
    expect(outcome).toMatchObject({ kind: 'failed', failure: { reason: 'cancelled' } })
    expect(outcome.kind === 'failed' && outcome.failure.message).toBe(
      `The request to 127.0.0.1:${port} was cancelled before an answer arrived.`,
    )
  })

  it('sends nothing when its signal is already aborted', async () => {
    const { url, received } = await answering(OK)
    const outcome = await client.send(post(url, { signal: AbortSignal.abort() }))
    expect(outcome).toMatchObject({ kind: 'failed', failure: { reason: 'cancelled' } })
    expect(received).toHaveLength(0)
  })

  it('refuses a URL that is not http(s) without sending anything', async () => {
    const outcome = await client.send(post('ftp://example.com/file'))
    expect(outcome).toMatchObject({ kind: 'failed', failure: { reason: 'network' } })
  })

  it('reports a header value Node cannot write, instead of throwing', async () => {
    const { url } = await answering(OK)
    const outcome = await client.send(post(url, { headers: [['X-Bad', 'a\r\nInjected: 1']] }))
    expect(outcome).toMatchObject({ kind: 'failed', failure: { reason: 'network' } })
    expect(outcome.kind === 'failed' && outcome.failure.message).toMatch(
      /could not be sent as written/,
    )
  })
})
