import type { Got, Response } from 'got'
import { describeNetworkFailure, type NetworkFailure } from '../net/network-failure'

export type ProbeResult =
  | { kind: 'answered'; response: Response<string>; latencyMs: number; json: unknown }
  | { kind: 'failed'; failure: NetworkFailure; latencyMs: number }

/** One request that never throws: either the HTTP answer (any status) or why there was none. */
export async function probe(
  http: Got,
  url: string,
  options: {
    method: 'GET' | 'POST'
    headers: Record<string, string>
    json?: unknown
    timeoutMs: number
  },
): Promise<ProbeResult> {
  const started = performance.now()
  try {
    const response = await http(url, {
      method: options.method,
      headers: { accept: 'application/json', ...options.headers },
      json: options.json,
      throwHttpErrors: false,
      followRedirect: false,
      retry: { limit: 0 },
      timeout: { request: options.timeoutMs },
    })
    return {
      kind: 'answered',
      response,
      latencyMs: Math.round(performance.now() - started),
      json: parseJson(response.body),
    }
  } catch (error) {
    return {
      kind: 'failed',
      failure: describeNetworkFailure(error, new URL(url).host),
      latencyMs: Math.round(performance.now() - started),
    }
  }
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}
