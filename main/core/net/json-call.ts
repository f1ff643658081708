import type { RawHeaders } from '../../../shared/contract/raw-http'
import type { HttpAnswer, HttpClient, HttpFailure } from './http-request'
import { headerValue } from './raw-record'

export type JsonCallResult =
  | (HttpAnswer & {
      /** The body as UTF-8 text. */
      text: string
      /** The body parsed, or undefined when it is not JSON. */
      json: unknown
      latencyMs: number
      /** First value of a header, by case-insensitive name. */
      header: (name: string) => string | undefined
    })
  | (HttpFailure & { latencyMs: number })

/**
 * One call to a JSON API (Zendesk, Braze, an OAuth token endpoint) that never throws: the
 * answer with any status, its body parsed when it is JSON, or why there was none. Not retried
 * and not recorded: for checks and look-ups, not for sends a user would want to see again.
 */
export async function callJson(
  client: HttpClient,
  options: {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
    url: string
    headers?: RawHeaders
    json?: unknown
    /** A JSON body sent as these exact characters (a rendered template), instead of `json`. */
    body?: string
    timeoutMs: number
  },
): Promise<JsonCallResult> {
  const body =
    options.body ?? (options.json === undefined ? undefined : JSON.stringify(options.json))
  const headers: RawHeaders = [
    ['accept', 'application/json'],
    ...(body === undefined ? [] : ([['content-type', 'application/json']] as RawHeaders)),
    ...(options.headers ?? []),
  ]
  const outcome = await client.send({
    method: options.method,
    url: options.url,
    headers,
    body,
    timeoutMs: options.timeoutMs,
  })
  const latencyMs = Math.round(outcome.timings.total)
  if (outcome.kind === 'failed') return { ...outcome, latencyMs }
  const text = outcome.body.toString('utf8')
  return {
    ...outcome,
    text,
    json: parseJson(text),
    latencyMs,
    header: (name) => headerValue(outcome.headers, name),
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
