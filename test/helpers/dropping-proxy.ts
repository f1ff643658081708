import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A loopback proxy that forwards requests to `target`; for the first `drop` requests it lets
 * the upstream process them but cuts the client off before the answer, as a network failure
 * after Zendesk committed would.
 */
export async function startDroppingProxy(target: string, drop: number) {
  let seen = 0
  const server = createServer((req, res) => {
    const upstream = new URL(req.url ?? '/', target)
    const cut = seen++ < drop
    const forward = request(
      upstream,
      { method: req.method, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        if (cut) {
          answer.resume()
          answer.on('end', () => res.socket?.destroy())
          return
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
