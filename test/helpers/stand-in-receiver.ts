import { createServer } from 'node:http'
import type { AddressInfo, LookupFunction } from 'node:net'
import { pairHeaders } from '../../main/core/net/raw-record'
import type { Arrival } from '../../main/core/tunnel/tunnel-changes'

/**
 * A minimal receiver for tunnel tests: records what reaches `/hooks/*` raw (headers as ordered
 * pairs, body as bytes) and implements the self-test hook the real receiver offers, answering
 * `/hooks/_selftest/{nonce}` without recording it.
 */
export async function startStandInReceiver() {
  const captures: Arrival[] = []
  const waiting = new Map<string, (arrival: Arrival) => void>()
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const arrival: Arrival = {
        method: req.method ?? '',
        path: req.url ?? '/',
        rawHeaders: pairHeaders(req.rawHeaders),
        body: Buffer.concat(chunks),
        remoteAddress: req.socket.remoteAddress ?? '',
      }
      const selfTest = /^\/hooks\/_selftest\/([^/?]+)/.exec(arrival.path)
      if (selfTest) {
        waiting.get(decodeURIComponent(selfTest[1] as string))?.(arrival)
        res.writeHead(200, { 'content-type': 'text/plain' }).end('self-test received')
        return
      }
      if (!arrival.path.startsWith('/hooks/')) {
        res.writeHead(404).end()
        return
      }
      captures.push(arrival)
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"captured":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    captures,
    awaitArrival(nonce: string, timeoutMs: number): Promise<Arrival> {
      return new Promise<Arrival>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(nonce)
          reject(new Error(`self-test ${nonce} did not arrive within ${timeoutMs} ms`))
        }, timeoutMs)
        waiting.set(nonce, (arrival) => {
          clearTimeout(timer)
          waiting.delete(nonce)
          resolve(arrival)
        })
      })
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A DNS stand-in: every name is 127.0.0.1, so no test looks up a real host. */
export const loopbackLookup = ((
  _hostname: string,
  options: { all?: boolean },
  callback: (...args: unknown[]) => void,
) => {
  if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }])
  else callback(null, '127.0.0.1', 4)
}) as unknown as LookupFunction
