import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { RPCHandler } from '@orpc/server/ws'
import { WebSocketServer } from 'ws'
import { handlerOptions } from '../api/handler-options'
import { router } from '../api/router'
import type { Engine } from '../core/engine'
import { checkSocketRequest, type AccessPolicy } from './access-guard'
import { MAX_API_MESSAGE_BYTES } from './message-limit'

/** Serves the typed API over WebSockets that passed the access checks. */
export class ApiSocketServer {
  private readonly sockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_API_MESSAGE_BYTES,
  })
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
      // A malformed frame (too big, invalid UTF-8, unmasked, bad opcode) is an 'error' on this
      // socket: ws has already closed it with the matching code (1009, 1007, 1002). Without a
      // listener the error would stop the whole process.
      ws.on('error', (error) => {
        this.engine.log('warning', `Closed a page socket that sent a bad frame: ${error.message}`)
      })
      void this.rpc.upgrade(ws, { context: { engine: this.engine } })
    })
  }

  close(): void {
    for (const client of this.sockets.clients) client.terminate()
    this.sockets.close()
  }
}
