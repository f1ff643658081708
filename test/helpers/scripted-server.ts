import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ScriptedReply {
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** Never answer (for timeout tests). */
  hang?: boolean
}

export interface SeenRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: string
}

export interface ScriptedServer {
  url: string
  port: number
  seen: SeenRequest[]
  close: () => Promise<void>
}

/** A loopback server answering each request by a function of it: for failure-mode tests. */
export async function startScriptedServer(
  reply: (request: SeenRequest) => ScriptedReply,
): Promise<ScriptedServer> {
  const seen: SeenRequest[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      const request = { method: req.method ?? '', path: req.url ?? '/', headers: req.headers, body }
      seen.push(request)
      const answer = reply(request)
      if (answer.hang) return
      const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {})
      const type = typeof answer.body === 'string' ? 'text/html' : 'application/json; charset=utf-8'
      res.writeHead(answer.status, { 'content-type': type, ...answer.headers }).end(text)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
