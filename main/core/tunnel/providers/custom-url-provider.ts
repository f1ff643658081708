import type { TunnelConnection, TunnelProvider } from '../tunnel-provider'

/**
 * The user's own reverse proxy (nginx, Caddy, a company gateway) that already forwards a public
 * URL to the receiver's port. There is nothing to start or stop and nothing that could say the
 * proxy works, so the service reports it online only after a self-test comes through it.
 */
export function customUrlProvider(publicUrl: string): TunnelProvider {
  const url = publicUrl.replace(/\/+$/, '')
  return {
    transport: 'custom',
    label: `the custom URL ${url}`,
    needsSelfTestToGoOnline: true,
    connect(): Promise<TunnelConnection> {
      return Promise.resolve({
        publicUrl: url,
        // A proxy has no session to lose; the periodic self-test notices when it stops working.
        lost: new Promise(() => undefined),
        close: () => Promise.resolve(),
      })
    },
  }
}
