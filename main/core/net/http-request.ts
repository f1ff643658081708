import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { LookupFunction } from 'node:net'
import { rootCertificates } from 'node:tls'
import type { RawHeaders, TimingPhases } from '../../../shared/contract/raw-http'
import { maskUrl } from '../../../shared/security/masking'
import { cancelledFailure, describeNetworkFailure, type NetworkFailure } from './network-failure'
import { pairHeaders } from './raw-record'
import { RequestTimings } from './request-timings'
import { wireHeaders } from './wire-headers'

/**
 * The one outbound HTTP path of the engine: every call to Zendesk, Braze, a Connected Content
 * endpoint or a webhook receiver goes through `HttpClient.send`.
 *
 * Built on node:http/https rather than got: records must hold the request exactly as it went
 * out and the answer exactly as it came back (header order, name case, duplicates, body bytes),
 * which a header array written as is and `rawHeaders` give, and got's normalising does not.
 * Deliberately missing: redirects (a 3xx is an answer), decompression (no Accept-Encoding is
 * added, so bodies are what the server sent) and retries (decided above, in the retrying send,
 * where idempotency is known).
 */

export interface HttpRequest {
  method: string
  /** Absolute http: or https: URL. */
  url: string
  /** Header lines in the order they are written, names in their case, duplicates kept. */
  headers: RawHeaders
  /** Sent byte for byte (a string as UTF-8), with a matching Content-Length. */
  body?: Buffer | string
  /** One deadline for the whole exchange (connect, send, status, headers, body), in ms. */
  timeoutMs: number
  /** Cancels the request; the outcome is then a `cancelled` failure. */
  signal?: AbortSignal
  /** Body bytes kept from the answer; the rest is still read and counted in `bodySize`. */
  maxResponseBytes?: number
  /** Adds no `User-Agent` when the caller gave none: a forward sends only what it carried. */
  noUserAgent?: boolean
}

export interface HttpAnswer {
  kind: 'answered'
  status: number
  statusText: string
  /** As received: order, case and duplicates kept. */
  headers: RawHeaders
  /** The body as received (its first `maxResponseBytes` bytes when that was set). */
  body: Buffer
  /** Bytes the whole body had; larger than `body.length` when it was cut. */
  bodySize: number
  timings: TimingPhases
  /** Milliseconds from the start of the request to the status line. */
  answeredAfterMs: number
}

export interface HttpFailure {
  kind: 'failed'
  failure: NetworkFailure
  timings: TimingPhases
}

/** Never a rejection for network trouble: an HTTP answer (any status) or why there was none. */
export type HttpOutcome = HttpAnswer | HttpFailure

export type SendHttp = (request: HttpRequest) => Promise<HttpOutcome>

export interface HttpClient {
  send: SendHttp
  /** The header lines `send` writes for this request, in order: what a record keeps. */
  headersFor(request: HttpRequest): RawHeaders
}

export interface HttpClientOptions {
  /** Resolves host names; tests pass a fake so no real DNS is ever asked. */
  lookup?: LookupFunction
  /** Sent as `User-Agent` on requests that carry none. */
  userAgent?: string
  /** Certificate authorities trusted besides the system's (PEM): a test CA, a company proxy's. */
  extraCa?: string[]
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  // Node's `ca` replaces the built-in roots; extra ones are added to them, never instead.
  const ca = options.extraCa?.length ? [...rootCertificates, ...options.extraCa] : undefined
  const headersFor = (request: HttpRequest) => {
    const url = URL.parse(request.url)
    // A URL that cannot be sent is reported by `send`; its record keeps the caller's lines.
    return url ? linesFor(request, url, options) : request.headers
  }
  return { headersFor, send: (request) => sendRequest(request, options, ca) }
}

function linesFor(request: HttpRequest, url: URL, options: HttpClientOptions): RawHeaders {
  return wireHeaders({
    method: request.method,
    url,
    headers: request.headers,
    bodyLength: bodyBytes(request.body).length,
    userAgent: request.noUserAgent ? undefined : options.userAgent,
  })
}

function bodyBytes(body: HttpRequest['body']): Buffer {
  if (body === undefined) return Buffer.alloc(0)
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body
}

function sendRequest(
  request: HttpRequest,
  options: HttpClientOptions,
  ca: string[] | undefined,
): Promise<HttpOutcome> {
  const timings = new RequestTimings()
  const failed = (failure: NetworkFailure): HttpOutcome => {
    timings.mark('end')
    return { kind: 'failed', failure, timings: timings.phases() }
  }
  let url: URL
  try {
    url = new URL(request.url)
  } catch {
    return Promise.resolve(failed(notHttp(request.url)))
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return Promise.resolve(failed(notHttp(request.url)))
  }
  if (request.signal?.aborted) return Promise.resolve(failed(cancelledFailure(url.host)))

  const body = bodyBytes(request.body)
  const headers = linesFor(request, url, options)
  return new Promise((resolve) => {
    let settled = false
    let req: ClientRequest | undefined
    const finish = (outcome: HttpOutcome) => {
      if (settled) return
      settled = true
      clearTimeout(deadline)
      request.signal?.removeEventListener('abort', onAbort)
      resolve(outcome)
      // A complete answer leaves nothing to read; a failure must not leave the socket open.
      req?.destroy()
    }
    const fail = (error: unknown) => finish(failed(describeNetworkFailure(error, url.host)))
    const deadline = setTimeout(
      () => fail(Object.assign(new Error('deadline passed'), { name: 'TimeoutError' })),
      request.timeoutMs,
    )
    const onAbort = () => finish(failed(cancelledFailure(url.host)))
    request.signal?.addEventListener('abort', onAbort, { once: true })
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    try {
      req = send(url, {
        method: request.method,
        headers: headers.flat(),
        agent: false,
        ...(options.lookup ? { lookup: options.lookup } : {}),
        ...(ca && url.protocol === 'https:' ? { ca } : {}),
      })
    } catch (error) {
      // Node refuses a header with a line break or a method with a space before any I/O.
      finish(failed(unsendable(url.host, error)))
      return
    }
    timings.watch(req)
    req.on('response', (res) => {
      timings.mark('response')
      readAnswer(res, request.maxResponseBytes ?? Infinity, timings, finish, fail)
    })
    req.on('error', fail)
    req.end(body.length > 0 ? body : undefined)
  })
}

function readAnswer(
  res: IncomingMessage,
  keep: number,
  timings: RequestTimings,
  finish: (outcome: HttpOutcome) => void,
  fail: (error: unknown) => void,
): void {
  const chunks: Buffer[] = []
  let kept = 0
  let size = 0
  res.on('data', (chunk: Buffer) => {
    size += chunk.length
    if (kept >= keep) return
    const part = chunk.subarray(0, keep - kept)
    chunks.push(part)
    kept += part.length
  })
  res.on('error', fail)
  res.on('end', () => {
    timings.mark('end')
    finish({
      kind: 'answered',
      status: res.statusCode ?? 0,
      statusText: res.statusMessage ?? '',
      headers: pairHeaders(res.rawHeaders),
      body: Buffer.concat(chunks),
      bodySize: size,
      timings: timings.phases(),
      answeredAfterMs: timings.at('response') ?? 0,
    })
  })
}

function notHttp(url: string): NetworkFailure {
  return {
    reason: 'network',
    message: `"${maskUrl(url)}" is not an http:// or https:// URL; check the address.`,
  }
}

function unsendable(host: string, error: unknown): NetworkFailure {
  const detail = error instanceof Error ? error.message : String(error)
  return {
    reason: 'network',
    message: `The request to ${host} could not be sent as written (${detail}); fix the method or headers.`,
  }
}
