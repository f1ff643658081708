import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface AnsweredRequest {
  method: string
  path: string
  status: number
  idempotencyKey: string | undefined
}

/**
 * A loopback proxy in front of `target` that records each request whose answer it finished
 * writing back to the client: what the far side "answered", as the client could have seen it.
 */
export async function startRecordingProxy(target: string) {
  const answered: AnsweredRequest[] = []
  const server = createServer((req, res) => {
    const upstream = new URL(req.url ?? '/', target)
    const forward = request(
      upstream,
      { method: req.method, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
        res.on('finish', () =>
          answered.push({
            method: req.method ?? '',
            path: upstream.pathname,
            status: answer.statusCode ?? 0,
            idempotencyKey: req.headers['idempotency-key'] as string | undefined,
          }),
        )
      },
    )
    forward.on('error', () => res.destroy())
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    answered,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
