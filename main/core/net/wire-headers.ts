import type { RawHeaders } from '../../../shared/contract/raw-http'

/** Methods whose empty body is still announced (`Content-Length: 0`), as browsers and curl do. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH'])

export interface WireHeaderInput {
  method: string
  url: URL
  headers: RawHeaders
  /** Byte length of the body that will be written. */
  bodyLength: number
  /** Sent as `User-Agent` when the caller gave none. */
  userAgent?: string
}

/**
 * Every header line of a request, in the order it goes on the wire: `Host` first when the caller
 * gave none, then the caller's lines as given (case and duplicates kept), then `User-Agent`,
 * `Content-Length` and `Connection: close` where the caller gave none. A caller's
 * `Content-Length` is corrected in place: the body is sent byte for byte and a wrong length
 * would cut it or hang the server. Node writes a header array as is, adding nothing, so this
 * list is exactly what the records keep.
 */
export function wireHeaders(input: WireHeaderInput): RawHeaders {
  const has = (name: string) => input.headers.some(([n]) => n.toLowerCase() === name)
  const announce = input.bodyLength > 0 || BODY_METHODS.has(input.method.toUpperCase())
  const lines: RawHeaders = []
  if (!has('host')) lines.push(['Host', input.url.host])
  let lengthWritten = false
  for (const [name, value] of input.headers) {
    if (name.toLowerCase() !== 'content-length') lines.push([name, value])
    else if (announce && !lengthWritten) {
      lines.push([name, String(input.bodyLength)])
      lengthWritten = true
    }
  }
  if (input.userAgent && !has('user-agent')) lines.push(['User-Agent', input.userAgent])
  if (announce && !lengthWritten) lines.push(['Content-Length', String(input.bodyLength)])
  // One connection per request: each attempt's timings show its own DNS, connect and TLS, and a
  // retry never rides a socket the last failure left half-open.
  if (!has('connection')) lines.push(['Connection', 'close'])
  return lines
}
