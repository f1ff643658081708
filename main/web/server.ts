import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { RPCHandler } from '@orpc/server/node'
import type { Engine } from '../core/engine'
import { handlerOptions } from '../api/handler-options'
import { router } from '../api/router'
import { ACCESS_TOKEN_HEADER, API_PATH, API_SOCKET_PATH } from '../../shared/web-access'
import { checkApiRequest, checkHost, type AccessPolicy } from './access-guard'
import { ApiSocketServer } from './api-socket'
import { RemoteBindRefusedError, isLoopbackHost } from './bind-address'
import { TOO_LARGE_MESSAGE, announcesTooLarge, httpBodyLimit } from './message-limit'
import { applySecurityHeaders } from './security-headers'
import { serveStatic } from './static-files'

export interface WebServerOptions {
  engine: Engine
  /** The built renderer (out/renderer). */
  rendererDir: string
  host?: string
  /** 0 or undefined picks a free port. */
  port?: number
  allowRemote?: boolean
  /** Fixed only in tests; normally a fresh random token per launch. */
  token?: string
}

export interface WebServer {
  /** The URL to open: it carries the access token, which the page then keeps. */
  url: string
  origin: string
  host: string
  port: number
  token: string
  warnings: string[]
  close(): Promise<void>
}

/** Browser mode: the renderer and the API on one loopback port. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1'
  const remote = !isLoopbackHost(host)
  if (remote && !options.allowRemote) throw new RemoteBindRefusedError(host)
  const token = options.token ?? randomBytes(24).toString('base64url')
  const rpc = new RPCHandler(router, { ...handlerOptions(), ...httpBodyLimit() })
  const policy: AccessPolicy = { token, port: 0, allowAnyHost: remote }
  const apiSocket = new ApiSocketServer(options.engine, policy)

  const server = createServer((req, res) => {
    applySecurityHeaders(res)
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end(`Internal error: ${error instanceof Error ? error.message : String(error)}`)
    })
  })

  server.on('upgrade', (req, socket, head) => {
    // Node hands over upgrade sockets with no 'error' listener; a client that resets while we
    // refuse its handshake would otherwise stop the process. The socket is destroyed either way.
    socket.on('error', ignore)
    if ((req.url ?? '').split('?')[0] === API_SOCKET_PATH)
      apiSocket.handleUpgrade(req, socket, head)
    else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (path === API_PATH || path.startsWith(`${API_PATH}/`)) {
      const verdict = checkApiRequest(
        {
          method: req.method,
          host: req.headers.host,
          origin: req.headers.origin,
          token: headerValue(req.headers[ACCESS_TOKEN_HEADER]),
        },
        policy,
      )
      if (!verdict.ok) return refuse(res, verdict.status, verdict.reason)
      if (announcesTooLarge(req))
        return refuse(res, 413, TOO_LARGE_MESSAGE, { Connection: 'close' })
      const { matched } = await rpc.handle(req, res, {
        prefix: API_PATH,
        context: { engine: options.engine },
      })
      if (!matched) refuse(res, 404, `No API operation at ${path}.`)
      return
    }
    const hostVerdict = checkHost(req.headers.host, policy)
    if (!hostVerdict.ok) return refuse(res, hostVerdict.status, hostVerdict.reason)
    await serveStatic(req, res, options.rendererDir)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  // After listening, an 'error' is a failed accept (ENOBUFS, ECONNABORTED; libuv absorbs EMFILE):
  // it concerns one connection, so log it and keep serving.
  server.on('error', (error) => {
    options.engine.log('error', `The browser door could not accept a connection: ${error.message}`)
  })
  const port = (server.address() as AddressInfo).port
  policy.port = port
  const urlHost = host.includes(':') ? `[${host}]` : host
  const origin = `http://${urlHost === '0.0.0.0' ? '127.0.0.1' : urlHost}:${port}`
  const warnings = remote
    ? [
        `Listening on ${host}: other machines on your network can reach this port. Only the access token protects it.`,
      ]
    : []

  return {
    url: `${origin}/?token=${token}`,
    origin,
    host,
    port,
    token,
    warnings,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Live event streams and page sockets never end on their own.
        apiSocket.close()
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

function ignore(): void {}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

function refuse(
  res: ServerResponse,
  status: number,
  reason: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers })
  res.end(JSON.stringify({ error: reason }))
}
