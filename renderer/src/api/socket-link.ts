import { DynamicLink } from '@orpc/client'
import { RPCLink } from '@orpc/client/websocket'
import { rpcJsonSerializers } from '../../../shared/contract/rpc-serializers'

export class EngineAwayError extends Error {
  constructor() {
    super('The engine stopped: reconnecting… Your work stays on this page.')
    this.name = 'EngineAwayError'
  }
}

/**
 * One WebSocket for every call and event stream. When it drops (server stopped, laptop slept),
 * calls on it fail and the next call opens a fresh socket — unless `engineAway()` says the
 * engine is known to be gone: then calls fail at once and no socket is tried (each failed
 * attempt is a console error), until the engine answers again.
 */
export function reconnectingSocketLink(
  url: string,
  engineAway: () => boolean = () => false,
): DynamicLink<Record<never, never>> {
  let current: { socket: WebSocket; link: RPCLink<Record<never, never>> } | undefined
  const open = () => {
    const socket = new WebSocket(url)
    const link = new RPCLink({ websocket: socket, customJsonSerializers: rpcJsonSerializers })
    socket.addEventListener('close', () => {
      if (current?.socket === socket) current = undefined
    })
    current = { socket, link }
    return current
  }
  return new DynamicLink(() => {
    if (!current && engineAway()) throw new EngineAwayError()
    return (current ?? open()).link
  })
}
