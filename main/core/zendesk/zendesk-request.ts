import type { Got } from 'got'
import type { RawHeaders, TimingPhases } from '../../../shared/contract/raw-http'
import { describeNetworkFailure, type NetworkFailure } from '../net/network-failure'
import { pairHeaders } from '../net/raw-record'

export interface RawAnswer {
  status: number
  statusText: string
  /** Lower-cased names, duplicates joined: for reading the answer, not for the record. */
  headers: Record<string, string>
  body: string
  rawHeaders: RawHeaders
  bytes: Buffer
}

export type ZendeskCallResult =
  | { kind: 'answered'; answer: RawAnswer; timings: TimingPhases }
  | { kind: 'failed'; failure: NetworkFailure; timings: TimingPhases }

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
      responseType: 'buffer',
    })
    const phases = response.timings.phases
    return {
      kind: 'answered',
      answer: {
        status: response.statusCode,
        statusText: response.statusMessage ?? '',
        headers: flatten(response.headers),
        body: response.body.toString('utf8'),
        rawHeaders: pairHeaders(response.rawHeaders),
        bytes: response.body,
      },
      timings: {
        dns: phases.dns,
        connect: phases.tcp,
        tls: phases.tls,
        firstByte: phases.firstByte,
        total: phases.total ?? Math.round(performance.now() - started),
      },
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
