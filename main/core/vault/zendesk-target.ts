import { isLoopbackHostname } from '../net/loopback'

export interface ZendeskTarget {
  /** Origin the API lives under: https://acme.zendesk.com, or a custom base (simulator, proxy). */
  baseUrl: string
  subdomain: string | null
}

export class InvalidZendeskTargetError extends Error {
  constructor(input: string, why: string) {
    super(
      `"${input}" is not a Zendesk account: ${why}. Enter your subdomain (acme), ` +
        'its host (acme.zendesk.com) or its URL (https://acme.zendesk.com).',
    )
    this.name = 'InvalidZendeskTargetError'
  }
}

/** Zendesk subdomains: letters, digits and hyphens, not starting or ending with a hyphen. */
const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/

/**
 * Accepts `acme`, `acme.zendesk.com` or any URL on `acme.zendesk.com`, and normalises them to
 * https://acme.zendesk.com. Other hosts are custom base URLs (the Sandbox simulator, a proxy):
 * https anywhere, plain http only on loopback, where no credential crosses a network.
 */
export function normalizeZendeskTarget(raw: string): ZendeskTarget {
  const input = raw.trim()
  if (!input) throw new InvalidZendeskTargetError(raw, 'it is empty')
  const bare = input.toLowerCase()
  if (SUBDOMAIN.test(bare)) return fromSubdomain(bare)

  const hostOnly = /^[a-z0-9-]+\.zendesk\.com\/?$/.exec(bare)
  if (hostOnly) return fromSubdomain(bare.replace(/\.zendesk\.com\/?$/, ''), raw)

  let url: URL
  try {
    url = new URL(input)
  } catch {
    throw new InvalidZendeskTargetError(raw, 'it is neither a subdomain nor a URL')
  }
  if (url.username || url.password) {
    throw new InvalidZendeskTargetError(raw, 'credentials do not belong in the URL')
  }
  const zendeskHost = /^([a-z0-9-]+)\.zendesk\.com$/.exec(url.hostname)
  if (zendeskHost?.[1]) {
    if (url.protocol !== 'https:') {
      throw new InvalidZendeskTargetError(raw, 'Zendesk only answers over https')
    }
    return fromSubdomain(zendeskHost[1], raw)
  }
  if (url.protocol === 'http:' && !isLoopbackHostname(url.hostname)) {
    throw new InvalidZendeskTargetError(
      raw,
      'plain http is only allowed for 127.0.0.1/localhost (credentials would cross the network unencrypted)',
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidZendeskTargetError(raw, `${url.protocol} is not a web URL`)
  }
  // A custom base keeps its path (a proxy may mount the API under one) without a trailing slash.
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v2$/, '')
  return { baseUrl: `${url.origin}${path}`, subdomain: null }
}

function fromSubdomain(subdomain: string, raw = subdomain): ZendeskTarget {
  if (!SUBDOMAIN.test(subdomain)) {
    throw new InvalidZendeskTargetError(raw, 'a subdomain has only letters, digits and hyphens')
  }
  return { baseUrl: `https://${subdomain}.zendesk.com`, subdomain }
}
