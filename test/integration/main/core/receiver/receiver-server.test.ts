import { request } from 'node:http'
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import {
  startReceiverServer,
  type AnswerPlan,
  type ArrivedRequest,
  type ReceiverServer,
} from '../../../../../main/core/receiver/receiver-server'

const OK: AnswerPlan = {
  status: 200,
  headers: {},
  body: '{"received":true}',
  delayMs: 0,
  close: false,
}

describe('the receiver server', () => {
  const servers: ReceiverServer[] = []
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close()
  })

  async function receiver(plan: (r: ArrivedRequest) => AnswerPlan = () => OK, limit?: number) {
    const arrived: ArrivedRequest[] = []
    const server = await startReceiverServer({
      port: 0,
      bodyLimitBytes: limit,
      requestTimeoutMs: 1_500,
      onRequest: (r) => {
        arrived.push(r)
        return Promise.resolve(plan(r))
      },
      clock: () => performance.timeOrigin + performance.now(),
      log: () => undefined,
    })
    servers.push(server)
    return { server, arrived }
  }

  /** Writes a request by hand: header case, order, duplicates and bytes exactly as given. */
  function raw(server: ReceiverServer, text: string | Buffer): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1')
      let answer = ''
      socket.on('data', (chunk) => (answer += chunk.toString('latin1')))
      socket.on('end', () => resolve(answer))
      socket.on('close', () => resolve(answer))
      socket.on('error', reject)
      // Written, not ended: a half-closed client has left, as far as the server knows.
      socket.write(text)
    })
  }

  it('keeps the header lines and body bytes exactly as they arrived', async () => {
    const { server, arrived } = await receiver()
    const body = Buffer.from([0x7b, 0xff, 0xfe, 0x7d])
    const head =
      'POST /hooks/braze/users/track?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Zendesk-Webhook-Id: A\r\n' +
      `x-dup: 1\r\nX-Dup: 2\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`
    const answer = await raw(server, Buffer.concat([Buffer.from(head), body]))
    expect(answer).toMatch(/^HTTP\/1\.1 200/)
    expect(arrived[0]).toMatchObject({ method: 'POST', target: '/hooks/braze/users/track?x=1' })
    expect(arrived[0]?.headers).toEqual([
      ['Host', '127.0.0.1'],
      ['X-Zendesk-Webhook-Id', 'A'],
      ['x-dup', '1'],
      ['X-Dup', '2'],
      ['Content-Length', '4'],
      ['Connection', 'close'],
    ])
    expect(arrived[0]?.body.equals(body)).toBe(true)
  })

  it('answers with a declared length, not chunked framing', async () => {
    const body = '{"received":true,"note":"déjà"}'
    const { server } = await receiver(() => ({ ...OK, body }))
    const answer = await raw(
      server,
      'POST /hooks/any HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
    )
    const [head = '', sent] = answer.split('\r\n\r\n')
    expect(head).toMatch(new RegExp(`\r\ncontent-length: ${Buffer.byteLength(body)}\r\n`, 'i'))
    expect(head).not.toMatch(/transfer-encoding/i)
    expect(Buffer.from(sent ?? '', 'latin1').toString('utf8')).toBe(body)
  })

  it('serves nothing but /hooks/*', async () => {
    const { server, arrived } = await receiver()
    for (const path of ['/', '/rpc', '/hooks/', '/hookse/x', '/../hooks/x']) {
      const answer = await raw(
        server,
        `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      )
      expect(answer, path).toMatch(/^HTTP\/1\.1 404/)
    }
    expect(arrived).toHaveLength(0)
  })

  it('takes every method, bodiless ones included', async () => {
    const { server, arrived } = await receiver()
    for (const method of ['GET', 'DELETE', 'PUT', 'PATCH', 'POST']) {
      await raw(server, `${method} /hooks/any HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)
    }
    expect(arrived.map((r) => r.method)).toEqual(['GET', 'DELETE', 'PUT', 'PATCH', 'POST'])
    expect(arrived.every((r) => r.body.length === 0)).toBe(true)
  })

  it('answers 413 past the limit yet hands over the first 64 KB, and keeps serving', async () => {
    const { server, arrived } = await receiver(
      (r) => (r.oversize ? { ...OK, status: 413 } : OK),
      100_000,
    )
    const big = Buffer.alloc(500_000, 0x61)
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { port: server.port, host: '127.0.0.1', method: 'POST', path: '/hooks/big' },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        },
      )
      req.on('error', reject)
      req.end(big)
    })
    expect(status).toBe(413)
    expect(arrived[0]).toMatchObject({ oversize: true })
    expect(arrived[0]?.body.length).toBe(64 * 1024)
    expect(
      await raw(server, 'GET /hooks/next HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
    ).toMatch(/^HTTP\/1\.1 200/)
  })

  it('hands over what a stalled client sent, cutting it off even when it never reads', async () => {
    const { server, arrived } = await receiver()
    const socket = connect(server.port, '127.0.0.1')
    socket.write('POST /hooks/slow HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"partial":')
    await expect.poll(() => arrived.length, { timeout: 5_000 }).toBe(1)
    expect(arrived[0]).toMatchObject({ cutOff: true })
    expect(arrived[0]?.body.toString()).toBe('{"partial":')
    socket.destroy()
  })

  it('answers after a delay and can close the connection instead', async () => {
    const { server } = await receiver((r) =>
      r.target.includes('close') ? { ...OK, close: true } : { ...OK, delayMs: 300 },
    )
    const started = performance.now()
    expect(
      await raw(server, 'GET /hooks/slow HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
    ).toMatch(/200/)
    expect(performance.now() - started).toBeGreaterThanOrEqual(290)
    expect(
      await raw(server, 'GET /hooks/close HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
    ).toBe('')
  })

  it('says when its port is taken and suggests a free one', async () => {
    const { server } = await receiver()
    await expect(
      startReceiverServer({
        port: server.port,
        onRequest: () => Promise.resolve(OK),
        clock: () => 0,
        log: () => undefined,
      }),
    ).rejects.toThrow(new RegExp(`Port ${server.port} is already in use.*e\\.g\\. \\d+`))
  })

  it('hands a tunnel self-test probe over without capturing it', async () => {
    const probes: string[] = []
    const arrived: ArrivedRequest[] = []
    const server = await startReceiverServer({
      port: 0,
      onRequest: (r) => {
        arrived.push(r)
        return Promise.resolve(OK)
      },
      onSelfTest: (nonce) => probes.push(nonce),
      clock: () => 0,
      log: () => undefined,
    })
    servers.push(server)
    const answer = await raw(
      server,
      'POST /hooks/_selftest/abc123 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
    )
    expect(answer).toMatch(/^HTTP\/1\.1 204/)
    expect(probes).toEqual(['abc123'])
    expect(arrived).toHaveLength(0)
  })
})
