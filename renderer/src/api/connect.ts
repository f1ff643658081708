import { createORPCClient } from '@orpc/client'
import { RPCLink as PortLink } from '@orpc/client/message-port'
import type { ApiClient } from '../../../shared/contract'
import { rpcJsonSerializers } from '../../../shared/contract/rpc-serializers'
import { CONNECT_API_MESSAGE, type DesktopBridgeMarker } from '../../../shared/desktop-bridge'
import { API_SOCKET_PATH } from '../../../shared/web-access'
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

/** The renderer's only way out: the typed API over a MessagePort (desktop) or a WebSocket (browser). */
export function connectApi(): ApiClient {
  if (window.bridgebenchDesktop?.door === 'desktop') {
    const channel = new MessageChannel()
    window.postMessage(CONNECT_API_MESSAGE, '*', [channel.port2])
    channel.port1.start()
    return createORPCClient(
      new PortLink({ port: channel.port1, customJsonSerializers: rpcJsonSerializers }),
    )
  }
  const token = takeAccessToken(window.location, window.history, window.sessionStorage)
  if (!token) throw new MissingTokenError()
  const url = new URL(API_SOCKET_PATH, window.location.href)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  url.searchParams.set('token', token)
  return createORPCClient(reconnectingSocketLink(url.toString()))
}
