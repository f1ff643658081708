import { DynamicLink } from '@orpc/client'
import { RPCLink } from '@orpc/client/websocket'
import { rpcJsonSerializers } from '../../../shared/contract/rpc-serializers'

/**
 * One WebSocket for every call and event stream. When it drops (server restarted, laptop
 * slept), calls on it fail and the next call opens a fresh socket: callers just retry.
 */
export function reconnectingSocketLink(url: string): DynamicLink<Record<never, never>> {
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
  return new DynamicLink(() => (current ?? open()).link)
}
