import { createORPCClient } from '@orpc/client'
import { RPCLink as FetchLink } from '@orpc/client/fetch'
import { RPCLink as PortLink } from '@orpc/client/message-port'
import type { ApiClient } from '../../../shared/contract'
import { CONNECT_API_MESSAGE, type DesktopBridgeMarker } from '../../../shared/desktop-bridge'
import { ACCESS_TOKEN_HEADER, API_PATH } from '../../../shared/web-access'
import { takeAccessToken } from './access-token'

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

/** The renderer's only way out: the typed API over a MessagePort (desktop) or HTTP (browser). */
export function connectApi(): ApiClient {
  if (window.bridgebenchDesktop?.door === 'desktop') {
    const channel = new MessageChannel()
    window.postMessage(CONNECT_API_MESSAGE, '*', [channel.port2])
    channel.port1.start()
    return createORPCClient(new PortLink({ port: channel.port1 }))
  }
  const token = takeAccessToken(window.location, window.history, window.sessionStorage)
  if (!token) throw new MissingTokenError()
  return createORPCClient(
    new FetchLink({
      url: `${window.location.origin}${API_PATH}`,
      headers: { [ACCESS_TOKEN_HEADER]: token },
    }),
  )
}
