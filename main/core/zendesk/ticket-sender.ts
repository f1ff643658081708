import { randomUUID } from 'node:crypto'
import type { Got } from 'got'
import type { Attempt, Exchange } from '../../../shared/contract/exchanges'
import { maskHeaderPairs } from '../../../shared/security/masking'
import type { ExchangeStore } from '../captures/exchange-store'
import { headerPairs, preciseIso, toRawBody } from '../net/raw-record'
import type { ProfileVault } from '../vault/profile-vault'
import { interpretTicketAnswer, type FieldLocator, type TicketVerdict } from './ticket-answer'
import { addTestTag } from './test-tag'
import type { ZendeskAuthorizer } from './zendesk-authorizer'
import { callZendesk } from './zendesk-request'

export interface SendTicketOptions {
  profileId: string
  /** The rendered template, sent byte for byte (unless the test tag is on). */
  body: string
  addTestTag?: boolean
  correlation?: Record<string, string>
  locate?: FieldLocator
  onAttempt?: (attempt: number) => void
  /** Called before each wait for Retry-After, so the UI can show a countdown. */
  onWait?: (seconds: number, attempt: number) => void
  signal?: AbortSignal
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
  http: Got
  exchanges: ExchangeStore
  now: () => Date
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
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
    const maxAttempts = this.deps.maxAttempts ?? 3
    const sleep = this.deps.sleep ?? abortableSleep
    const startedAt = this.deps.now()
    // One exchange for the whole send, saved before anything leaves: a crash or a silent server
    // still leaves a trace of what was attempted.
    const record: Exchange = {
      id: this.deps.exchanges.newId(startedAt),
      kind: 'zendesk-ticket-create',
      startedAt: startedAt.toISOString(),
      state: 'pending',
      profileId: options.profileId,
      idempotencyKey,
      authorization: 'profile',
      attempts: [],
      correlation: { ...options.correlation },
    }
    let verdict: TicketVerdict | undefined

    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      options.onAttempt?.(attempt)
      const headers = {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: await this.deps.authorizer.authorization(options.profileId),
        'idempotency-key': idempotencyKey,
      }
      const sentAt = this.deps.now()
      const entry: Attempt = {
        attempt,
        state: 'pending',
        request: {
          method: 'POST',
          url,
          headers: maskHeaderPairs(headerPairs(headers)),
          body: toRawBody(body),
          at: preciseIso(sentAt),
        },
        response: null,
        timings: null,
        error: null,
        retry: null,
      }
      record.attempts.push(entry)
      await this.deps.exchanges.save(record)
      const result = await callZendesk(this.deps.http, {
        method: 'POST',
        url,
        headers,
        body,
        timeoutMs: this.deps.timeoutMs ?? 30_000,
      })
      entry.timings = result.timings
      if (result.kind === 'answered') {
        entry.state = 'answered'
        entry.response = {
          status: result.answer.status,
          statusText: result.answer.statusText,
          headers: maskHeaderPairs(result.answer.rawHeaders),
          body: toRawBody(result.answer.bytes),
          at: preciseIso(this.deps.now()),
        }
      } else {
        entry.state = 'failed'
        entry.error = result.failure
      }
      verdict =
        result.kind === 'answered'
          ? interpretTicketAnswer(result.answer, { host, locate: options.locate })
          : {
              ok: false,
              reason: result.failure.reason,
              message: result.failure.message,
              // A timeout may have reached Zendesk; the Idempotency-Key makes the retry safe.
              retryable: result.failure.reason === 'timeout' || result.failure.reason === 'reset',
              problems: [],
            }
      if (verdict.ticketId) record.correlation.ticketId = String(verdict.ticketId)
      if (verdict.ok || !verdict.retryable || attempt === maxAttempts) break
      const wait = verdict.retryAfterSeconds ?? 2 ** (attempt - 1)
      if (wait > (this.deps.maxWaitSeconds ?? 60)) {
        verdict = {
          ...verdict,
          message: `${verdict.message} Not waiting ${wait} s here: send again later.`,
        }
        break
      }
      entry.retry = {
        afterSeconds: wait,
        reason:
          verdict.retryAfterSeconds !== undefined
            ? 'retry-after'
            : result.kind === 'failed'
              ? 'no-answer'
              : 'backoff',
      }
      await this.deps.exchanges.save(record)
      options.onWait?.(wait, attempt + 1)
      await sleep(wait * 1000, options.signal)
    }
    record.state = 'done'
    await this.deps.exchanges.save(record)
    const final = verdict as TicketVerdict
    return {
      ...final,
      idempotencyKey,
      attempts: record.attempts.length,
      exchange: record,
      sentBody: body,
      tagChange: tagged?.change,
      apiUrl: url,
      agentUrl: final.ticketId
        ? `${profile.zendesk.baseUrl}/agent/tickets/${final.ticketId}`
        : undefined,
    }
  }
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(new Error('Sending was cancelled.'))
    })
  })
}
