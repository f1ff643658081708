import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { MAX_API_MESSAGE_BYTES } from '../../../main/web/message-limit'
import type { WebServer } from '../../../main/web/server'
import { ACCESS_TOKEN_HEADER } from '../../../shared/web-access'
import { useTempDir } from '../../helpers/temp-dir'
import { browserApiClient, useWebDoor } from '../../helpers/web-door'

interface Outcome {
  status: number
  body: string
  /** Body bytes the client had written when the answer came. */
  sent: number
  ms: number
}

/**
 * POSTs to an API operation, writing up to `total` body bytes from one reused chunk (nothing that
 * size is ever built), and stops writing as soon as the server answers.
 */
function postOversized(
  server: WebServer,
  total: number,
  options: { declareLength: boolean },
): Promise<Outcome> {
  const chunk = Buffer.alloc(64 * 1024, 0x20)
  const started = performance.now()
  return new Promise((resolve, reject) => {
    let sent = 0
    let answered = false
    const req = request({
      host: '127.0.0.1',
      port: server.port,
      method: 'POST',
      path: '/rpc/users/import',
      headers: {
        origin: server.origin,
        [ACCESS_TOKEN_HEADER]: server.token,
        'content-type': 'application/json',
        ...(options.declareLength ? { 'content-length': String(total) } : {}),
      },
    })
    req.on('response', (res) => {
      answered = true
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (text: string) => (body += text))
      res.on('end', () => {
        req.destroy()
        resolve({ status: res.statusCode ?? 0, body, sent, ms: performance.now() - started })
      })
    })
    // The server may close while we are still writing; only the answer matters.
    req.on('error', (error) => (answered ? undefined : reject(error)))
    if (options.declareLength) {
      req.flushHeaders()
      return
    }
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length
        if (!req.write(chunk)) return void req.once('drain', pump)
      }
      if (!answered) req.end()
    }
    pump()
  })
}

describe('browser door: request size', () => {
  const start = useWebDoor(useTempDir())

  it('answers 413 to a declared Content-Length over the limit without reading the body', async () => {
    const { server: s } = await start()
    const outcome = await postOversized(s, 300 * 1024 * 1024, { declareLength: true })
    expect(outcome.status).toBe(413)
    expect(outcome.body).toMatch(/larger than 16 MiB/)
    expect(outcome.ms).toBeLessThan(2_000)
  })

  it('answers 413 to a streamed body once it passes the limit, with bounded memory', async () => {
    const { server: s } = await start()
    const total = 128 * 1024 * 1024
    const before = process.memoryUsage()
    const outcome = await postOversized(s, total, { declareLength: false })
    const after = process.memoryUsage()
    expect(outcome.status).toBe(413)
    expect(outcome.body).toMatch(/larger than 16 MiB/)
    expect(outcome.sent).toBeLessThan(MAX_API_MESSAGE_BYTES + 8 * 1024 * 1024)
    const grown = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers)
    expect(grown).toBeLessThan(4 * MAX_API_MESSAGE_BYTES)
    await expect(browserApiClient(s).app.info()).resolves.toMatchObject({ name: 'Bridgebench' })
  })
})
