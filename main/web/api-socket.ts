import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { RPCHandler } from '@orpc/server/ws'
import { WebSocketServer } from 'ws'
import { handlerOptions } from '../api/handler-options'
import { router } from '../api/router'
import type { Engine } from '../core/engine'
import { checkSocketRequest, type AccessPolicy } from './access-guard'

/** Serves the typed API over WebSockets that passed the access checks. */
export class ApiSocketServer {
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 })
  private readonly rpc = new RPCHandler(router, handlerOptions())

  constructor(
    private readonly engine: Engine,
    private readonly policy: AccessPolicy,
  ) {}

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://x')
    const verdict = checkSocketRequest(
      {
        host: req.headers.host,
        origin: req.headers.origin,
        token: url.searchParams.get('token') ?? undefined,
      },
      this.policy,
    )
    if (!verdict.ok) {
      socket.end(
        `HTTP/1.1 ${verdict.status} Refused\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${verdict.reason}`,
      )
      return
    }
    this.sockets.handleUpgrade(req, socket, head, (ws) => {
      void this.rpc.upgrade(ws, { context: { engine: this.engine } })
    })
  }

  close(): void {
    for (const client of this.sockets.clients) client.terminate()
    this.sockets.close()
  }
}
