import type { RawBody, RawHeaders } from '../contract/raw-http'
import { maskHeaderValue, maskUrl } from '../security/masking'

export interface CurlRequest {
  method: string
  url: string
  headers: RawHeaders
  body?: RawBody
}

/** POSIX shell single-quoting: the only character that needs care inside '…' is ' itself. */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

/**
 * A cURL command that reproduces a request: headers in their order and case, the body byte for
 * byte (`--data-binary`; a body that is not UTF-8 is piped in from base64). Credentials are masked
 * unless the caller passes `withSecrets` (an explicit user choice).
 */
export function toCurl(request: CurlRequest, options: { withSecrets?: boolean } = {}): string {
  const url = options.withSecrets ? request.url : maskUrl(request.url)
  const binary = request.body?.encoding === 'base64' && request.body.data !== ''
  const lines = [`curl --request ${request.method.toUpperCase()} ${quote(url)}`]
  for (const [name, value] of request.headers) {
    const shown = options.withSecrets ? value : maskHeaderValue(name, value)
    lines.push(`--header ${quote(`${name}: ${shown}`)}`)
  }
  if (binary) lines.push('--data-binary @-')
  else if (request.body?.data) lines.push(`--data-binary ${quote(request.body.data)}`)
  const command = lines.join(' \\\n  ')
  return binary ? `printf %s ${quote(request.body?.data ?? '')} | base64 -d | ${command}` : command
}
