import type { ConnectedContentFetch, InboundResponse, OutboundRequest } from '../runtime'

/** Braze's limits for a Connected Content call (braze.md §2.3). */
export const CONNECTED_CONTENT_TIMEOUT_MS = 2_000
export const CONNECTED_CONTENT_MAX_BYTES = 1024 * 1024

export interface LiveFetchOptions {
  timeoutMs?: number
  maxBytes?: number
}

/**
 * A live Connected Content call over a WHATWG fetch (the caller injects it, so previews reach
 * the network only when the user allowed it): redirects are not followed, slow answers time
 * out and oversized ones are refused, as in Braze.
 */
export function createLiveFetch(
  fetchImpl: typeof fetch,
  options: LiveFetchOptions = {},
): ConnectedContentFetch {
  const timeoutMs = options.timeoutMs ?? CONNECTED_CONTENT_TIMEOUT_MS
  const maxBytes = options.maxBytes ?? CONNECTED_CONTENT_MAX_BYTES
  return async (request: OutboundRequest): Promise<InboundResponse> => {
    let response: Response
    try {
      response = await fetchImpl(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body ?? undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') {
        throw new Error(`no answer within ${timeoutMs / 1000} s`, { cause: error })
      }
      throw error
    }
    const body = Buffer.from(await response.arrayBuffer())
    if (body.length > maxBytes) {
      throw new Error(`the answer is ${body.length} bytes; Braze accepts at most ${maxBytes}`)
    }
    const headers: Record<string, string> = {}
    response.headers.forEach((value, name) => (headers[name] = value))
    return { status: response.status, headers, body: body.toString('utf8') }
  }
}
