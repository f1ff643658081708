import { timingSafeEqual } from 'node:crypto'

export interface AccessPolicy {
  token: string
  port: number
  /** Only with an explicit opt-in: then any Host is accepted, still Origin- and token-checked. */
  allowAnyHost: boolean
}

export interface RequestFacts {
  method: string | undefined
  host: string | undefined
  origin: string | undefined
  token: string | undefined
}

export type AccessVerdict = { ok: true } | { ok: false; status: number; reason: string }

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]']

/** Refuses requests whose Host is not ours: a DNS-rebinding page would send its own name. */
export function checkHost(host: string | undefined, policy: AccessPolicy): AccessVerdict {
  if (!host) return deny(400, 'Missing Host header.')
  if (policy.allowAnyHost) return { ok: true }
  const allowed = LOOPBACK_NAMES.map((name) => `${name}:${policy.port}`)
  return allowed.includes(host.toLowerCase())
    ? { ok: true }
    : deny(421, `Host "${host}" is not this server; use http://127.0.0.1:${policy.port}/.`)
}

/**
 * The control API: POST only (no state change can ride on a GET), from a page this server
 * served (Origin equals our own origin), carrying the per-launch token.
 */
export function checkApiRequest(facts: RequestFacts, policy: AccessPolicy): AccessVerdict {
  const host = checkHost(facts.host, policy)
  if (!host.ok) return host
  if (facts.method !== 'POST') {
    return deny(405, `The API accepts POST only (got ${facts.method ?? 'no method'}).`)
  }
  if (!facts.origin) return deny(403, 'Missing Origin header: the API answers only its own page.')
  if (facts.origin.toLowerCase() !== `http://${(facts.host ?? '').toLowerCase()}`) {
    return deny(403, `Origin "${facts.origin}" may not call this API.`)
  }
  if (!facts.token || !sameSecret(facts.token, policy.token)) {
    return deny(
      401,
      'Missing or wrong access token: open the URL that `bridgebench serve` printed (it carries the token).',
    )
  }
  return { ok: true }
}

/**
 * The page's WebSocket handshake: our Host, our own Origin (browsers always send it on a
 * WebSocket, and a foreign page cannot forge it) and the token. No state changes on the
 * handshake itself; calls travel as messages afterwards.
 */
export function checkSocketRequest(
  facts: Omit<RequestFacts, 'method'>,
  policy: AccessPolicy,
): AccessVerdict {
  return checkApiRequest({ ...facts, method: 'POST' }, policy)
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function deny(status: number, reason: string): AccessVerdict {
  return { ok: false, status, reason }
}
