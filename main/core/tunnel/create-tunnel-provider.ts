import type { ActiveTunnelChoice } from '../../../shared/contract/tunnel'
import { cloudflaredProvider, type CloudflaredDeps } from './providers/cloudflared-provider'
import { customUrlProvider } from './providers/custom-url-provider'
import { localtunnelProvider, type LocaltunnelDeps } from './providers/localtunnel-provider'
import { ngrokProvider, type NgrokDeps } from './providers/ngrok-provider'
import type { ProviderFactory } from './tunnel-service'

export interface ProviderDeps {
  ngrok?: NgrokDeps
  cloudflared?: CloudflaredDeps
  localtunnel?: LocaltunnelDeps
}

/** The provider for the user's choice, each with what it needs passed in. */
export function providerFactory(deps: ProviderDeps = {}): ProviderFactory {
  return (choice: ActiveTunnelChoice, authToken?: string) => {
    switch (choice.provider) {
      case 'ngrok':
        return ngrokProvider(
          { authToken, ...(choice.domain ? { domain: choice.domain } : {}) },
          deps.ngrok,
        )
      case 'cloudflared':
        return cloudflaredProvider(deps.cloudflared)
      case 'localtunnel':
        return localtunnelProvider(
          {
            serverUrl: choice.serverUrl,
            ...(choice.subdomain ? { subdomain: choice.subdomain } : {}),
          },
          deps.localtunnel,
        )
      case 'custom':
        return customUrlProvider(choice.publicUrl)
    }
  }
}
