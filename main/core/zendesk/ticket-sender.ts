import { randomUUID } from 'node:crypto'
import type { Exchange, RetryReason } from '../../../shared/contract/exchanges'
import type { ExchangeStore } from '../captures/exchange-store'
import { recordExchange } from '../net/exchange-recorder'
import type { HttpClient, HttpOutcome } from '../net/http-request'
import {
  backoffSeconds,
  retryingSend,
  type AttemptRecorder,
  type RetryingSendResult,
  type RetryWait,
  type Sleep,
} from '../net/retrying-send'
import type { ProfileVault } from '../vault/profile-vault'
import { interpretTicketAnswer, type FieldLocator, type TicketVerdict } from './ticket-answer'
import { addTestTag } from './test-tag'
import type { ZendeskAuthorizer } from './zendesk-authorizer'

export interface SendTicketOptions {
  profileId: string
  /** The rendered template, sent byte for byte (unless the test tag is on). */
  body: string
  addTestTag?: boolean
  correlation?: Record<string, string>
  locate?: FieldLocator
  onAttempt?: (attempt: number) => void
  /** Called before each wait (Retry-After, no answer, backoff), so the UI can count down. */
  onWait?: (seconds: number, attempt: number, reason: RetryReason) => void
  signal?: AbortSignal
  /** How long each attempt waits for Zendesk's answer, in ms (the sender's default if absent). */
  timeoutMs?: number
}

export interface SendTicketResult extends TicketVerdict {
  idempotencyKey: string
  attempts: number
  exchange: Exchange
  sentBody: string
  tagChange?: string
  agentUrl?: string
  apiUrl: string
}

export interface TicketSenderDeps {
  vault: ProfileVault
  authorizer: ZendeskAuthorizer
  http: HttpClient
  exchanges: ExchangeStore
  now: () => Date
  sleep?: Sleep
  maxAttempts?: number
  /** Longer Retry-After waits are not sat out: the user is told to try later. */
  maxWaitSeconds?: number
  timeoutMs?: number
}

/**
 * Fires one ticket the way Braze would (raw body, `Content-Type: application/json`), with one
 * Idempotency-Key for all its retries (zendesk.md §2.1), recording the send as one exchange with every attempt.
 */
export class TicketSender {
  constructor(private readonly deps: TicketSenderDeps) {}

  async send(options: SendTicketOptions): Promise<SendTicketResult> {
    const profile = this.deps.vault.get(options.profileId)
    const url = `${profile.zendesk.baseUrl}/api/v2/tickets.json`
    const host = new URL(url).host
    const tagged = options.addTestTag ? addTestTag(options.body) : undefined
    const body = tagged?.body ?? options.body
    const idempotencyKey = `bridgebench-${randomUUID()}`
    const startedAt = this.deps.now()
    // One exchange for the whole send, saved before anything leaves: a crash or a silent server
    // still leaves a trace of what was attempted.
    const recorder = recordExchange(
      {
        id: this.deps.exchanges.newId(startedAt),
        kind: 'zendesk-ticket-create',
        startedAt: startedAt.toISOString(),
        state: 'pending',
        profileId: options.profileId,
        idempotencyKey,
        authorization: 'profile',
        attempts: [],
        correlation: { ...options.correlation },
      },
      (record) => this.deps.exchanges.save(record),
    )
    const record = recorder.exchange
    const verdictOf = (outcome: HttpOutcome) =>
      ticketVerdict(outcome, { host, now: this.deps.now(), locate: options.locate })

    const sent = await retryingSend({
      client: this.deps.http,
      request: async () => ({
        method: 'POST',
        url,
        headers: [
          ['content-type', 'application/json'],
          ['accept', 'application/json'],
          // Asked per attempt: an OAuth token may have been renewed during a wait.
          ['authorization', await this.deps.authorizer.authorization(options.profileId)],
          ['idempotency-key', idempotencyKey],
        ],
        body,
        timeoutMs: options.timeoutMs ?? this.deps.timeoutMs ?? 30_000,
      }),
      policy: (outcome, attempt) => ticketRetry(verdictOf(outcome), outcome, attempt),
      maxAttempts: this.deps.maxAttempts ?? 3,
      maxWaitSeconds: this.deps.maxWaitSeconds ?? 60,
      now: this.deps.now,
      sleep: this.deps.sleep,
      signal: options.signal,
      recorder: withProgress(recorder, options),
    })
    const verdict = finalVerdict(verdictOf(sent.outcome), sent)
    if (verdict.ticketId) record.correlation.ticketId = String(verdict.ticketId)
    await recorder.finish()
    return {
      ...verdict,
      idempotencyKey,
      attempts: record.attempts.length,
      exchange: record,
      sentBody: body,
      tagChange: tagged?.change,
      apiUrl: url,
      agentUrl: verdict.ticketId
        ? `${profile.zendesk.baseUrl}/agent/tickets/${verdict.ticketId}`
        : undefined,
    }
  }
}

function ticketVerdict(
  outcome: HttpOutcome,
  context: { host: string; now: Date; locate?: FieldLocator },
): TicketVerdict {
  if (outcome.kind === 'answered') return interpretTicketAnswer(outcome, context)
  const { reason, message } = outcome.failure
  // A timeout may have reached Zendesk; the Idempotency-Key makes the retry safe.
  return {
    ok: false,
    reason,
    message,
    retryable: reason === 'timeout' || reason === 'reset',
    problems: [],
  }
}

/** The last attempt's verdict, saying why the send stopped when it stopped early. */
function finalVerdict(verdict: TicketVerdict, sent: RetryingSendResult): TicketVerdict {
  if (sent.declinedWait) {
    const wait = sent.declinedWait.afterSeconds
    return {
      ...verdict,
      message: `${verdict.message} Not waiting ${wait} s here: send again later.`,
    }
  }
  if (sent.cancelled && sent.outcome.kind === 'answered' && !verdict.ok) {
    return {
      ...verdict,
      reason: 'cancelled',
      retryable: false,
      message: `Sending was cancelled before the next attempt. The last answer: ${verdict.message}`,
    }
  }
  return verdict
}

/** The exchange recorder, also telling the caller about each attempt and wait (for the UI). */
function withProgress(recorder: AttemptRecorder, options: SendTicketOptions): AttemptRecorder {
  return {
    pending: (attempt) => {
      options.onAttempt?.(attempt.attempt)
      return recorder.pending(attempt)
    },
    completed: recorder.completed,
    waiting: async (attempt) => {
      await recorder.waiting(attempt)
      if (attempt.retry) {
        const { afterSeconds, reason } = attempt.retry
        options.onWait?.(afterSeconds, attempt.attempt + 1, reason)
      }
    },
  }
}

/** Zendesk's advice first (Retry-After), then 1 s, 2 s… for retryable answers and silences. */
function ticketRetry(
  verdict: TicketVerdict,
  outcome: HttpOutcome,
  attempt: number,
): RetryWait | null {
  if (verdict.ok || !verdict.retryable) return null
  if (verdict.retryAfterSeconds !== undefined)
    return { afterSeconds: verdict.retryAfterSeconds, reason: 'retry-after' }
  return {
    afterSeconds: backoffSeconds(attempt),
    reason: outcome.kind === 'failed' ? 'no-answer' : 'backoff',
  }
}
