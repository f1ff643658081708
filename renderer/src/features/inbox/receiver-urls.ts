import type { ReceiverSettingsView, ReceiverStatus } from '../../../../shared/contract'

/** The route to offer Zendesk by default: `braze` (the receiver's first route) when it exists. */
export function primaryRoute(settings: ReceiverSettingsView | undefined): string {
  const routes = settings?.routes ?? []
  return (
    routes.find((r) => r.name === 'braze')?.name ??
    routes.find((r) => r.name !== 'sandbox')?.name ??
    'braze'
  )
}

export function hookUrl(base: string, route: string): string {
  return `${base.replace(/\/+$/, '')}/hooks/${encodeURIComponent(route)}`
}

/** The public base URL when a tunnel is online; loopback URLs are not reachable by Zendesk. */
export function publicBase(status: ReceiverStatus | undefined): string | null {
  return status?.tunnel.state === 'online' ? status.tunnel.publicUrl : null
}
