import type { Got } from 'got'
import type { ExchangeTimings } from '../../../shared/contract/exchanges'
import { describeNetworkFailure, type NetworkFailure } from '../net/network-failure'

export interface RawAnswer {
  status: number
  statusText: string
  headers: Record<string, string>
  body: string
}

export type ZendeskCallResult =
  | { kind: 'answered'; answer: RawAnswer; timings: ExchangeTimings }
  | { kind: 'failed'; failure: NetworkFailure; timings: ExchangeTimings }

/**
 * One Zendesk call with the body sent byte for byte (Braze sends the rendered text as is),
 * never retried by got: retries are decided above, where the Idempotency-Key is known.
 */
export async function callZendesk(
  http: Got,
  options: {
    method: 'GET' | 'POST' | 'PUT' | 'DELETE'
    url: string
    headers: Record<string, string>
    body?: string
    timeoutMs: number
  },
): Promise<ZendeskCallResult> {
  const started = performance.now()
  try {
    const response = await http(options.url, {
      method: options.method,
      headers: options.headers,
      body: options.body,
      throwHttpErrors: false,
      followRedirect: false,
      retry: { limit: 0 },
      timeout: { request: options.timeoutMs },
      responseType: 'text',
    })
    return {
      kind: 'answered',
      answer: {
        status: response.statusCode,
        statusText: response.statusMessage ?? '',
        headers: flatten(response.headers),
        body: response.body,
      },
      timings: { ...response.timings.phases },
    }
  } catch (error) {
    return {
      kind: 'failed',
      failure: describeNetworkFailure(error, new URL(options.url).host),
      timings: { total: Math.round(performance.now() - started) },
    }
  }
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return flat
}
