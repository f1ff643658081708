import type { Capture } from '../../../shared/contract/captures'
import type { Attempt, Exchange } from '../../../shared/contract/exchanges'
import type { RawBody, RawHeaders } from '../../../shared/contract/raw-http'
import type { Har, HarEntry } from '../../../shared/har/har-schema'
import { maskBodyIfSecret, maskHeaderPairs, maskUrl } from '../../../shared/security/masking'
import { headerValue } from '../net/raw-record'

/**
 * Captures and exchanges as HAR 1.2 entries (http://www.softwareishard.com/blog/har-12-spec/),
 * for browsers, Postman and HTTP Toolkit. Credentials are masked as everywhere else: header
 * values, URL parameters and credential-named body fields. Bodies that are not UTF-8 keep their
 * bytes in `postData._base64` (HAR's postData has no encoding field) or in the response
 * content's base64 `encoding`. Bridgebench's own fields start with `_`: `_captureId`,
 * `_exchangeId`, `_kind`, `_attempt`, `_route`, `_signature`, `_error`.
 */

export const HAR_CREATOR = 'Bridgebench'

/** The HAR document around entries (written whole, or streamed: see `harPrefix`). */
export function harDocument(entries: HarEntry[], version: string): Har {
  return { log: { version: '1.2', creator: { name: HAR_CREATOR, version }, entries } }
}

/** The document's text up to its entries list, so a large export can be streamed entry by entry. */
export function harPrefix(version: string): string {
  const head = JSON.stringify(harDocument([], version))
  return head.slice(0, head.lastIndexOf('[]') + 1)
}

export const HAR_SUFFIX = ']}}'

/** A capture as an entry: the request as received (masked), the receiver's answer as the response. */
export function captureEntry(capture: Capture): HarEntry {
  const { request } = capture
  const url = absoluteUrl(request.url, request.headers)
  const answered = capture.answer.status !== null && !capture.answer.closed
  return {
    startedDateTime: capture.receivedAt,
    time: capture.answer.delayMs,
    request: harRequest(request.method, url, request.headers, request.body),
    response: {
      ...noAnswer(),
      status: answered ? (capture.answer.status ?? 0) : 0,
      httpVersion: 'HTTP/1.1',
      comment: `Bridgebench's receiver: ${capture.answer.reason}`,
    },
    cache: {},
    timings: { send: 0, wait: capture.answer.delayMs, receive: 0 },
    comment: `Captured on route ${capture.route}`,
    _captureId: capture.id,
    _route: capture.route,
    _signature: capture.signature.verdict,
  }
}

/** Every attempt of an exchange as an entry, in order. */
export function exchangeEntries(exchange: Exchange): HarEntry[] {
  return exchange.attempts.map((attempt) => attemptEntry(exchange, attempt))
}

function attemptEntry(exchange: Exchange, attempt: Attempt): HarEntry {
  const { request, response, timings } = attempt
  const total = timings?.total ?? 0
  const wait = timings?.firstByte ?? 0
  const connecting = (timings?.dns ?? 0) + (timings?.connect ?? 0) + (timings?.tls ?? 0)
  return {
    startedDateTime: request.at,
    time: total,
    request: harRequest(request.method, maskUrl(request.url), request.headers, request.body),
    response: response
      ? {
          status: response.status,
          statusText: response.statusText,
          httpVersion: 'HTTP/1.1',
          cookies: [],
          headers: nameValues(maskHeaderPairs(response.headers)),
          content: harContent(response.body, response.headers),
          redirectURL: headerValue(response.headers, 'location') ?? '',
          headersSize: -1,
          bodySize: response.body.size,
        }
      : noAnswer(),
    cache: {},
    timings: {
      dns: timings?.dns ?? -1,
      connect: timings?.connect ?? -1,
      ssl: timings?.tls ?? -1,
      send: 0,
      wait,
      receive: Math.max(0, total - connecting - wait),
    },
    ...(attempt.error ? { comment: attempt.error.message, _error: attempt.error.reason } : {}),
    _exchangeId: exchange.id,
    _kind: exchange.kind,
    _attempt: attempt.attempt,
  }
}

function harRequest(
  method: string,
  url: string,
  headers: RawHeaders,
  body: RawBody,
): HarEntry['request'] {
  const contentType = headerValue(headers, 'content-type') ?? 'application/octet-stream'
  const hasBody = body.size > 0 || body.data !== ''
  return {
    method,
    url,
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers: nameValues(maskHeaderPairs(headers)),
    queryString: queryOf(url),
    ...(hasBody ? { postData: postData(body, contentType) } : {}),
    headersSize: -1,
    bodySize: body.size,
  }
}

function postData(body: RawBody, mimeType: string): NonNullable<HarEntry['request']['postData']> {
  if (body.encoding === 'base64') {
    return {
      mimeType,
      text: '',
      _base64: body.data,
      comment: 'The body is not UTF-8: its bytes are in _base64.',
    }
  }
  const text = maskBodyIfSecret(body.data, mimeType)
  return {
    mimeType,
    text,
    ...(body.truncated
      ? { comment: `Only the first ${body.data.length} of ${body.size} bytes were kept.` }
      : {}),
  }
}

function harContent(body: RawBody, headers: RawHeaders): HarEntry['response']['content'] {
  const mimeType = headerValue(headers, 'content-type') ?? 'x-unknown'
  return body.encoding === 'base64'
    ? { size: body.size, mimeType, text: body.data, encoding: 'base64' }
    : { size: body.size, mimeType, text: maskBodyIfSecret(body.data, mimeType) }
}

function noAnswer(): HarEntry['response'] {
  return {
    status: 0,
    statusText: '',
    httpVersion: '',
    cookies: [],
    headers: [],
    content: { size: 0, mimeType: 'x-unknown' },
    redirectURL: '',
    headersSize: -1,
    bodySize: -1,
  }
}

/**
 * HAR wants absolute URLs; a capture keeps the path as received, so the host comes from the
 * headers the request arrived with (a tunnel's forwarded host and scheme when present).
 */
function absoluteUrl(path: string, headers: RawHeaders): string {
  if (/^https?:\/\//i.test(path)) return maskUrl(path)
  const host =
    headerValue(headers, 'x-forwarded-host') ?? headerValue(headers, 'host') ?? '127.0.0.1'
  const scheme = headerValue(headers, 'x-forwarded-proto') === 'https' ? 'https' : 'http'
  return maskUrl(`${scheme}://${host}${path.startsWith('/') ? path : `/${path}`}`)
}

function queryOf(url: string): Array<{ name: string; value: string }> {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }))
  } catch {
    return []
  }
}

function nameValues(headers: RawHeaders): Array<{ name: string; value: string }> {
  return headers.map(([name, value]) => ({ name, value }))
}
