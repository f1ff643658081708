import type { Capture } from '../../../shared/contract/captures'
import type { RawHeaders } from '../../../shared/contract/raw-http'
import { isSecretHeader } from '../../../shared/security/masking'
import { HOP_BY_HOP_HEADERS } from '../net/hop-by-hop'
import { ForwardError } from './forward-error'

/**
 * Hop-by-hop headers belong to one connection, not to the request (RFC 9110 §7.6.1), and Host
 * names the receiver: none of them go on. `Expect: 100-continue` would make the forward wait for
 * an interim answer. Content-Length stays in place and is recomputed as the body is sent.
 */
const NOT_FORWARDED = new Set([
  ...HOP_BY_HOP_HEADERS,
  'proxy-authenticate',
  'proxy-authorization',
  'expect',
  'host',
])

/** Where the Authorization header of a forward comes from. */
export type ForwardAuthorization =
  | { from: 'capture' }
  /** The header's value, e.g. `Bearer <profile key>`. */
  | { from: 'profile'; value: string }
  /** No Authorization line at all (replays with `auth: none`). */
  | { from: 'none' }

/**
 * The path and query a capture is forwarded to: what followed `/hooks/{route}` on its request
 * line (`/hooks/braze/users/track?x=1` → `/users/track?x=1`); a capture sent to the bare route
 * (`/hooks/sandbox`) goes to `/users/track`, the endpoint Zendesk-to-Braze webhooks call. A
 * capture that did not come through the route (imported from a HAR file) keeps its own path and
 * query, an absolute URL's included.
 */
export function forwardPath(captureUrl: string, route: string): string {
  const [path = '', ...rest] = ownPath(captureUrl).split('?')
  const query = rest.length > 0 ? `?${rest.join('?')}` : ''
  const prefix = `/hooks/${encodeURIComponent(route)}`
  const routed = path === prefix || path.startsWith(`${prefix}/`)
  const after = routed ? path.slice(prefix.length) : path
  return `${after === '' || after === '/' ? '/users/track' : after}${query}`
}

/** An absolute URL's path and query (some imports keep one); anything else as it is. */
function ownPath(captureUrl: string): string {
  if (captureUrl.startsWith('/')) return captureUrl
  try {
    const parsed = new URL(captureUrl)
    return `${parsed.pathname}${parsed.search}`
  } catch {
    return captureUrl
  }
}

/** The absolute URL: the target's base (a Braze REST endpoint) and the forwarded path. */
export function forwardUrl(base: string, captureUrl: string, route: string): string {
  return `${base.replace(/\/+$/, '')}${forwardPath(captureUrl, route)}`
}

/**
 * The capture's header lines for the forward, in their order and case, duplicates kept: hop-by-
 * hop lines and Host left out, credentials decrypted back from the capture's ciphertext, and the
 * Authorization line either passed through, replaced (in place) by the profile's, or left out.
 * Without `decrypt`, credentials other than Authorization are left out.
 * Throws ForwardError when the capture's own credential is needed and was not kept.
 */
export function forwardHeaders(
  capture: Pick<Capture, 'request' | 'sealedHeaders'>,
  authorization: ForwardAuthorization,
  decrypt: ((cipherText: string) => string) | undefined,
): RawHeaders {
  const headers = capture.request.headers
  const sealed = new Map(capture.sealedHeaders.map((entry) => [entry.index, entry.cipherText]))
  const hopByHop = hopByHopIn(headers)
  const lines: RawHeaders = []
  let authorizationWritten = false
  headers.forEach(([name, value], index) => {
    const lower = name.toLowerCase()
    if (hopByHop(lower)) return
    if (lower === 'authorization') {
      if (authorizationWritten || authorization.from === 'none') return
      authorizationWritten = true
      if (authorization.from === 'profile') lines.push([name, authorization.value])
      else lines.push([name, unseal(sealed.get(index), name, decrypt, true) as string])
      return
    }
    if (!isSecretHeader(name)) {
      lines.push([name, value])
      return
    }
    // Other credentials (an API-key header) go on when they were kept, and are left out if not.
    const plain = unseal(sealed.get(index), name, decrypt, false)
    if (plain !== undefined) lines.push([name, plain])
  })
  if (!authorizationWritten && authorization.from !== 'none') {
    if (authorization.from === 'profile') lines.push(['Authorization', authorization.value])
    else
      throw new ForwardError(
        "The capture has no Authorization header, so there is no key to pass on: Zendesk's webhook sends none. Forward with the profile's REST key (auth: profile), or give the webhook Bearer authentication with the Braze key.",
        'no-credential',
      )
  }
  return lines
}

function unseal(
  cipherText: string | undefined,
  name: string,
  decrypt: ((cipherText: string) => string) | undefined,
  required: boolean,
): string | undefined {
  if (cipherText === undefined) {
    if (!required) return undefined
    throw new ForwardError(
      `The capture's ${name} header was not kept: secret storage was locked when it arrived, so only its mask was stored. Forward with the profile's REST key (auth: profile), or unlock secrets and have Zendesk send it again.`,
      'credential-not-kept',
    )
  }
  try {
    if (!decrypt) throw new Error('locked')
    return decrypt(cipherText)
  } catch {
    if (!required) return undefined
    throw new ForwardError(
      `The capture's ${name} header cannot be read back: secret storage is locked (or the data folder's key changed). Unlock secrets, or forward with the profile's REST key (auth: profile).`,
      'credential-unreadable',
    )
  }
}

/**
 * Header lines already in plain text (credentials decrypted elsewhere) without the lines that
 * belong to the old connection: hop-by-hop, those a Connection line names, and Host.
 */
export function withoutHopByHop(headers: RawHeaders): RawHeaders {
  const hopByHop = hopByHopIn(headers)
  return headers.filter(([name]) => !hopByHop(name.toLowerCase()))
}

/** Whether a lower-case header name is hop-by-hop in these lines (or Host). */
function hopByHopIn(headers: RawHeaders): (lower: string) => boolean {
  const dropped = connectionTokens(headers)
  return (lower) => NOT_FORWARDED.has(lower) || dropped.has(lower)
}

/** Header names a `Connection` line lists are hop-by-hop too (RFC 9110 §7.6.1). */
function connectionTokens(headers: RawHeaders): Set<string> {
  const tokens = new Set<string>()
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== 'connection') continue
    for (const token of value.split(',')) {
      const trimmed = token.trim().toLowerCase()
      if (trimmed) tokens.add(trimmed)
    }
  }
  return tokens
}
