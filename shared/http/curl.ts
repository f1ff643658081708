import { maskHeaderValue, maskUrl } from '../security/masking'

export interface CurlRequest {
  method: string
  url: string
  headers: Record<string, string>
  body?: string
}

/** POSIX shell single-quoting: the only character that needs care inside '…' is ' itself. */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

/**
 * A cURL command that reproduces a request. Credentials are masked unless the caller passes
 * `withSecrets` (an explicit user choice); the body goes through --data-binary so it is sent
 * byte for byte, as Braze would.
 */
export function toCurl(request: CurlRequest, options: { withSecrets?: boolean } = {}): string {
  const url = options.withSecrets ? request.url : maskUrl(request.url)
  const lines = [`curl --request ${request.method.toUpperCase()} ${quote(url)}`]
  for (const [name, value] of Object.entries(request.headers)) {
    const shown = options.withSecrets ? value : maskHeaderValue(name, value)
    lines.push(`--header ${quote(`${name}: ${shown}`)}`)
  }
  if (request.body) lines.push(`--data-binary ${quote(request.body)}`)
  return lines.join(' \\\n  ')
}
