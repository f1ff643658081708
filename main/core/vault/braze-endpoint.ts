import { BRAZE_REST_ENDPOINTS } from '../../../shared/braze/rest-endpoints'
import { isLoopbackHostname } from '../net/loopback'

export class InvalidBrazeEndpointError extends Error {
  constructor(input: string, why: string) {
    super(
      `"${input}" is not a Braze REST endpoint: ${why}. Pick your instance's REST endpoint ` +
        '(e.g. https://rest.iad-01.braze.com for US-01, https://rest.fra-01.braze.eu for EU-01), or a custom https URL.',
    )
    this.name = 'InvalidBrazeEndpointError'
  }
}

/**
 * A documented REST host (also accepted as `US-01`, a dashboard URL, or an `sdk.` host mistaken
 * for REST, which is corrected), or a custom https URL; plain http only on loopback.
 */
export function normalizeBrazeEndpoint(raw: string): string {
  const input = raw.trim()
  const byInstance = BRAZE_REST_ENDPOINTS.find(
    (e) => e.instance.toLowerCase() === input.toLowerCase(),
  )
  if (byInstance) return byInstance.url
  let url: URL
  try {
    url = new URL(input)
  } catch {
    throw new InvalidBrazeEndpointError(raw, 'it is not a URL or an instance name such as US-01')
  }
  if (url.username || url.password) {
    throw new InvalidBrazeEndpointError(raw, 'credentials do not belong in the URL')
  }
  const host = url.hostname.toLowerCase()
  const documented = BRAZE_REST_ENDPOINTS.find((e) => new URL(e.url).hostname === host)
  if (documented) return documented.url
  if (/^sdk\./.test(host)) {
    throw new InvalidBrazeEndpointError(
      raw,
      `${host} is an SDK host; the REST host starts with rest.`,
    )
  }
  if (/^dashboard/.test(host)) {
    throw new InvalidBrazeEndpointError(
      raw,
      `${host} is the dashboard; use the REST endpoint of the same instance`,
    )
  }
  if (url.protocol === 'http:' && !isLoopbackHostname(host)) {
    throw new InvalidBrazeEndpointError(raw, 'plain http is only allowed for 127.0.0.1/localhost')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidBrazeEndpointError(raw, `${url.protocol} is not a web URL`)
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}
