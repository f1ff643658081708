import type { HttpClient } from '../../net/http-request'
import { headerPairs } from '../../net/raw-record'
import type { ConnectedContentFetch, InboundResponse, OutboundRequest } from '../runtime'

/** Braze's limits for a Connected Content call (braze.md §2.3). */
export const CONNECTED_CONTENT_TIMEOUT_MS = 2_000
export const CONNECTED_CONTENT_MAX_BYTES = 1024 * 1024

export interface LiveFetchOptions {
  timeoutMs?: number
  maxBytes?: number
}

/**
 * A live Connected Content call over the engine's one request function (the caller injects it,
 * so previews reach the network only when the user allowed it): redirects are not followed,
 * slow answers time out and oversized ones are refused, as in Braze.
 */
export function createLiveFetch(
  http: HttpClient,
  options: LiveFetchOptions = {},
): ConnectedContentFetch {
  const timeoutMs = options.timeoutMs ?? CONNECTED_CONTENT_TIMEOUT_MS
  const maxBytes = options.maxBytes ?? CONNECTED_CONTENT_MAX_BYTES
  return async (request: OutboundRequest): Promise<InboundResponse> => {
    const outcome = await http.send({
      method: request.method,
      url: request.url,
      headers: headerPairs(request.headers),
      body: request.body ?? undefined,
      timeoutMs,
      maxResponseBytes: maxBytes,
    })
    if (outcome.kind === 'failed') {
      throw new Error(
        outcome.failure.reason === 'timeout'
          ? `no answer within ${timeoutMs / 1000} s`
          : outcome.failure.message,
      )
    }
    if (outcome.bodySize > maxBytes) {
      throw new Error(`the answer is ${outcome.bodySize} bytes; Braze accepts at most ${maxBytes}`)
    }
    // Templates read headers by lower-case name; repeated ones are joined as HTTP allows.
    const headers: Record<string, string> = {}
    for (const [name, value] of outcome.headers) {
      const key = name.toLowerCase()
      headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`
    }
    return { status: outcome.status, headers, body: outcome.body.toString('utf8') }
  }
}
