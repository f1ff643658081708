import type { Exchange } from '../../../shared/contract/exchanges'
import type { ExchangeStore } from '../captures/exchange-store'
import { recordExchange } from '../net/exchange-recorder'
import type { HttpClient, HttpOutcome } from '../net/http-request'
import { headerValue } from '../net/raw-record'
import { rateLimitResetSeconds, retryAfterSeconds } from '../net/retry-after'
import {
  backoffSeconds,
  retryingSend,
  type RetryingSendResult,
  type RetryWait,
  type Sleep,
} from '../net/retrying-send'
import type { RateLimiter } from './replay-rate'
import type { ReplayRequest } from './replay-request'

// TO FOLD: replayRetry is the forward branch's retry policy for Braze (forward-retry.ts:
// 429 until X-RateLimit-Reset, 5xx with backoff); share one once it is on main.

/** A 429 is waited out and 5xx retried: at most this many attempts per replayed capture. */
const MAX_ATTEMPTS = 4
const REPLAY_TIMEOUT_MS = 30_000

export interface ReplaySendDeps {
  http: HttpClient
  exchanges: Pick<ExchangeStore, 'newId' | 'save'>
  now: () => Date
  sleep?: Sleep
}

export interface ReplaySendOptions {
  profileId: string
  correlation: Record<string, string>
  maxWaitSeconds: number
  /** Told about a 429's wait, so the whole run holds back (not just this capture). */
  limiter?: RateLimiter
  signal?: AbortSignal
}

export interface ReplaySent extends RetryingSendResult {
  exchange: Exchange
}

/**
 * Sends one replay on the outbound path, recorded as an exchange of kind `replay` with every
 * attempt. Braze's 429 is waited out until `X-RateLimit-Reset` (it documents no Retry-After,
 * https://www.braze.com/docs/api/api_limits/) and 5xx answers are retried with backoff, as
 * Braze asks (https://www.braze.com/docs/api/errors/). No answer at all is not retried: the
 * request may have been applied, and a second one would duplicate its events.
 */
export async function sendReplay(
  deps: ReplaySendDeps,
  request: ReplayRequest,
  options: ReplaySendOptions,
): Promise<ReplaySent> {
  const startedAt = deps.now()
  const recorder = recordExchange(
    {
      id: deps.exchanges.newId(startedAt),
      kind: 'replay',
      startedAt: startedAt.toISOString(),
      state: 'pending',
      profileId: options.profileId,
      idempotencyKey: null,
      authorization: request.authorization,
      attempts: [],
      correlation: { ...options.correlation },
    },
    (record) => deps.exchanges.save(record),
  )
  const sent = await retryingSend({
    client: deps.http,
    request: () => ({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: request.body,
      timeoutMs: REPLAY_TIMEOUT_MS,
      maxResponseBytes: 1024 * 1024,
    }),
    policy: (outcome, attempt) => {
      const wait = replayRetry(outcome, attempt, deps.now())
      if (wait && outcome.kind === 'answered' && outcome.status === 429)
        options.limiter?.pauseFor(wait.afterSeconds * 1000)
      return wait
    },
    maxAttempts: MAX_ATTEMPTS,
    maxWaitSeconds: options.maxWaitSeconds,
    now: deps.now,
    sleep: deps.sleep,
    signal: options.signal,
    recorder,
  })
  await recorder.finish()
  return { ...sent, exchange: recorder.exchange }
}

function replayRetry(outcome: HttpOutcome, attempt: number, now: Date): RetryWait | null {
  if (outcome.kind !== 'answered') return null
  if (outcome.status === 429) {
    const reset = rateLimitResetSeconds(headerValue(outcome.headers, 'x-ratelimit-reset'), now)
    if (reset !== undefined) return { afterSeconds: Math.max(1, reset), reason: 'rate-limit-reset' }
    const after = retryAfterSeconds(headerValue(outcome.headers, 'retry-after'), now)
    if (after !== undefined) return { afterSeconds: after, reason: 'retry-after' }
    return { afterSeconds: backoffSeconds(attempt), reason: 'backoff' }
  }
  if ([500, 502, 503, 504].includes(outcome.status))
    return { afterSeconds: backoffSeconds(attempt), reason: 'backoff' }
  return null
}
