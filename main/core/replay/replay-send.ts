import type { Exchange } from '../../../shared/contract/exchanges'
import type { ExchangeStore } from '../captures/exchange-store'
import { recordExchange } from '../net/exchange-recorder'
import { captureFirstPolicy } from '../forward/forward-retry'
import type { HttpClient } from '../net/http-request'
import { retryingSend, type RetryingSendResult, type Sleep } from '../net/retrying-send'
import type { RateLimiter } from './replay-rate'
import type { ReplayRequest } from './replay-request'

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
  const policy = captureFirstPolicy(deps.now, { retryNeverArrived: false })
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
      const wait = policy(outcome, attempt)
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
