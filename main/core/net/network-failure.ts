import type { NetworkFailureRecord } from '../../../shared/contract/raw-http'

/** Why a request never produced an HTTP answer, in words a person can act on. */
export type NetworkFailure = NetworkFailureRecord

const TLS_CODES = new Set([
  'EPROTO',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
])

function codeOf(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    return error.code
  }
  return ''
}

/** The caller cancelled (its AbortSignal fired) before an answer arrived. */
export function cancelledFailure(host: string): NetworkFailure {
  return {
    reason: 'cancelled',
    message: `The request to ${host} was cancelled before an answer arrived.`,
  }
}

/** Classifies a Node network error (ENOTFOUND, ETIMEDOUT, ECONNRESET, TLS codes, …). */
export function describeNetworkFailure(error: unknown, host: string): NetworkFailure {
  const code = codeOf(error)
  const name = error instanceof Error ? error.name : ''
  const detail = error instanceof Error ? error.message : String(error)
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA') {
    return {
      reason: 'dns',
      message: `The name ${host} could not be resolved (${code}). Check the spelling (subdomain, endpoint) and your network or VPN.`,
    }
  }
  if (name === 'TimeoutError' || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') {
    return {
      reason: 'timeout',
      message: `${host} did not answer in time. The service may be slow or a firewall may be dropping the connection; try again.`,
    }
  }
  if (
    TLS_CODES.has(code) ||
    code.startsWith('ERR_SSL_') ||
    code.startsWith('ERR_TLS_') ||
    code.includes('CERT')
  ) {
    return {
      reason: 'tls',
      message: `The secure connection to ${host} failed (${code || detail}). A proxy that intercepts HTTPS, a wrong port, or an http-only server behind an https URL causes this.`,
    }
  }
  if (code === 'ECONNREFUSED') {
    return {
      reason: 'refused',
      message: `${host} refused the connection: nothing is listening there. Check the URL and port.`,
    }
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return {
      reason: 'reset',
      message: `${host} closed the connection unexpectedly (${code}); try again.`,
    }
  }
  return { reason: 'network', message: `Could not reach ${host}: ${detail}` }
}
