import type { Attempt, RetryReason } from '../../../shared/contract/exchanges'
import { maskHeaderPairs, maskUrl } from '../../../shared/security/masking'
import type { HttpAnswer, HttpClient, HttpOutcome, HttpRequest } from './http-request'
import { preciseIso, toRawBody } from './raw-record'

/** A wait before the next attempt, in whole seconds, and why (as the attempt record keeps it). */
export interface RetryWait {
  afterSeconds: number
  reason: RetryReason
}

/** Decides from attempt `attempt`'s outcome whether to try again, and after how long; null: stop. */
export type RetryPolicy = (outcome: HttpOutcome, attempt: number) => RetryWait | null

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

/**
 * Told about every attempt, in the shape of the exchange record's `attempts` (masked), so an
 * exchange can be saved `pending` before a request leaves and completed after it.
 */
export interface AttemptRecorder {
  /** Before the request leaves: `state: 'pending'`, no response yet. */
  pending: (attempt: Attempt) => void | Promise<void>
  /** After it: `answered` (with the response) or `failed` (with the error), with timings. */
  completed: (attempt: Attempt) => void | Promise<void>
  /** Another attempt will follow after `attempt.retry`. */
  waiting: (attempt: Attempt) => void | Promise<void>
}

export interface RetryingSendOptions {
  client: HttpClient
  /** Builds attempt n's request (1-based), fresh each time: a token may have been renewed. */
  request: (attempt: number) => HttpRequest | Promise<HttpRequest>
  policy: RetryPolicy
  maxAttempts: number
  /** A longer wait is not sat out: the send stops there and reports it as `declinedWait`. */
  maxWaitSeconds: number
  now: () => Date
  sleep?: Sleep
  /** Cancels the request in flight or the wait; the send then stops with `cancelled`. */
  signal?: AbortSignal
  recorder?: AttemptRecorder
}

export interface RetryingSendResult {
  /** The last attempt's outcome. */
  outcome: HttpOutcome
  attempts: Attempt[]
  /** A wait the policy asked for that was longer than `maxWaitSeconds`. */
  declinedWait?: RetryWait
  /** The signal ended the send, during a request or a wait. */
  cancelled: boolean
}

/** The usual backoff between attempts that got no advice from the server: 1 s, 2 s, 4 s… */
export function backoffSeconds(attempt: number): number {
  return 2 ** (attempt - 1)
}

/**
 * Sends a request until the policy is satisfied, attempts run out, a wait is too long or the
 * signal fires, telling the recorder about every attempt and every wait. Never throws for
 * network trouble; a failing request factory or recorder (credentials, disk) does throw.
 */
export async function retryingSend(options: RetryingSendOptions): Promise<RetryingSendResult> {
  const sleep = options.sleep ?? abortableSleep
  const attempts: Attempt[] = []
  for (let n = 1; ; n++) {
    const request = await options.request(n)
    const sentAt = options.now()
    const entry = pendingAttempt(n, request, options.client, sentAt)
    attempts.push(entry)
    await options.recorder?.pending(entry)
    const outcome = await options.client.send({
      ...request,
      signal: request.signal ?? options.signal,
    })
    complete(entry, outcome, sentAt)
    await options.recorder?.completed(entry)
    const result = { outcome, attempts, cancelled: options.signal?.aborted ?? false }
    if (result.cancelled || n >= options.maxAttempts) return result
    const wait = options.policy(outcome, n)
    if (wait === null) return result
    if (wait.afterSeconds > options.maxWaitSeconds) return { ...result, declinedWait: wait }
    entry.retry = wait
    await options.recorder?.waiting(entry)
    try {
      await sleep(wait.afterSeconds * 1000, options.signal)
    } catch (error) {
      if (options.signal?.aborted) return { ...result, cancelled: true }
      throw error
    }
  }
}

function pendingAttempt(n: number, request: HttpRequest, client: HttpClient, at: Date): Attempt {
  return {
    attempt: n,
    state: 'pending',
    request: {
      method: request.method,
      url: maskUrl(request.url),
      headers: maskHeaderPairs(client.headersFor(request)),
      body: toRawBody(request.body ?? ''),
      at: preciseIso(at),
    },
    response: null,
    timings: null,
    error: null,
    retry: null,
  }
}

function complete(entry: Attempt, outcome: HttpOutcome, sentAt: Date): void {
  entry.timings = outcome.timings
  if (outcome.kind === 'failed') {
    entry.state = 'failed'
    entry.error = outcome.failure
    return
  }
  entry.state = 'answered'
  entry.response = {
    status: outcome.status,
    statusText: outcome.statusText,
    headers: maskHeaderPairs(outcome.headers),
    body: responseBody(outcome),
    at: offsetIso(sentAt, outcome.answeredAfterMs),
  }
}

function responseBody(answer: HttpAnswer) {
  return {
    ...toRawBody(answer.body),
    size: answer.bodySize,
    truncated: answer.bodySize > answer.body.length,
  }
}

/** `at` plus a monotonic offset, with the sub-millisecond part kept as microseconds. */
function offsetIso(at: Date, offsetMs: number): string {
  const instant = at.getTime() + offsetMs
  const ms = Math.floor(instant)
  return preciseIso(new Date(ms), (instant - ms) * 1000)
}

/** setTimeout that an AbortSignal ends early, by rejecting. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Error('The wait was cancelled.'))
      return
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(new Error('The wait was cancelled.'))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
