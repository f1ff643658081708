import type { ServiceSpec } from '../events/managed-service'
import { TunnelService, type TunnelServiceDeps, type TunnelStartRequest } from './tunnel-service'

/**
 * The tunnel as a managed service (`ManagedService`): started on first use, its URL on the
 * status board, closed on quit. `request` is read at each start, so a changed choice or token
 * applies to the next start.
 */
export function tunnelServiceSpec(
  deps: TunnelServiceDeps,
  request: () => TunnelStartRequest,
): ServiceSpec<TunnelService> {
  return {
    id: 'tunnel',
    label: 'Tunnel',
    idleDetail: 'No public URL',
    start: async () => {
      const tunnel = new TunnelService(deps)
      try {
        await tunnel.start(request())
      } catch (error) {
        await tunnel.close()
        throw error
      }
      return tunnel
    },
    describe: (tunnel) =>
      tunnel.status.state === 'online' ? tunnel.status.publicUrl : tunnel.status.state,
  }
}
