import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface LoopbackServer {
  server: Server
  port: number
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  origin: string
  /** Stops listening and drops open keep-alive connections so tests and quit never hang. */
  close(): Promise<void>
}

/** Listens on 127.0.0.1 only (port 0 = a free port): simulators are never reachable off-machine. */
export async function listenOnLoopback(
  handler: RequestListener,
  port = 0,
): Promise<LoopbackServer> {
  const server = createServer({ keepAliveTimeout: 5_000 }, handler)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const actual = (server.address() as AddressInfo).port
  return {
    server,
    port: actual,
    origin: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
