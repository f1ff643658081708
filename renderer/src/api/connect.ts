import { createORPCClient } from '@orpc/client'
import { RPCLink as PortLink } from '@orpc/client/message-port'
import type { ApiClient } from '../../../shared/contract'
import { rpcJsonSerializers } from '../../../shared/contract/rpc-serializers'
import { CONNECT_API_MESSAGE, type DesktopBridgeMarker } from '../../../shared/desktop-bridge'
import { ACCESS_TOKEN_HEADER, API_PATH, API_SOCKET_PATH } from '../../../shared/web-access'
import { takeAccessToken } from './access-token'
import { reconnectingSocketLink } from './socket-link'

declare global {
  interface Window {
    bridgebenchDesktop?: DesktopBridgeMarker
  }
}

export class MissingTokenError extends Error {
  constructor() {
    super('This page was opened without its access token.')
    this.name = 'MissingTokenError'
  }
}

/**
 * Whether the engine behind this page can be reached: `refused` when it answers but not to
 * this page's token (a link from before a restart), `unreachable` when nothing answers.
 */
export type EngineReach = 'ok' | 'refused' | 'unreachable'

export interface EngineConnection {
  api: ApiClient
  /** Asks the engine over plain HTTP, which (unlike a refused WebSocket) says why it refuses. */
  reach: () => Promise<EngineReach>
}

/**
 * The renderer's only way out: the typed API over a MessagePort (desktop) or a WebSocket
 * (browser). `engineAway` lets the socket link stop trying while the engine is gone.
 */
export function connectApi(engineAway: () => boolean): EngineConnection {
  if (window.bridgebenchDesktop?.door === 'desktop') {
    const channel = new MessageChannel()
    window.postMessage(CONNECT_API_MESSAGE, '*', [channel.port2])
    channel.port1.start()
    return {
      api: createORPCClient(
        new PortLink({ port: channel.port1, customJsonSerializers: rpcJsonSerializers }),
      ),
      reach: () => Promise.resolve('ok'),
    }
  }
  const token = takeAccessToken(window.location, window.history, window.sessionStorage)
  if (!token) throw new MissingTokenError()
  const url = new URL(API_SOCKET_PATH, window.location.href)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  url.searchParams.set('token', token)
  return {
    api: createORPCClient(reconnectingSocketLink(url.toString(), engineAway)),
    reach: () => probe(token),
  }
}

async function probe(token: string): Promise<EngineReach> {
  try {
    const response = await fetch(new URL(`${API_PATH}/app/info`, window.location.href), {
      method: 'POST',
      headers: { [ACCESS_TOKEN_HEADER]: token, 'content-type': 'application/json' },
      body: '{}',
      cache: 'no-store',
    })
    return response.status === 401 ? 'refused' : 'ok'
  } catch {
    return 'unreachable'
  }
}
