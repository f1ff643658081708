import { randomUUID } from 'node:crypto'
import type { Got } from 'got'
import type { Exchange } from '../../../shared/contract/exchanges'
import { maskHeaders } from '../../../shared/security/masking'
import type { ExchangeStore } from '../captures/exchange-store'
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
  exchangeIds: string[]
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
 * Idempotency-Key for all its retries (zendesk.md §2.1), recording every attempt as an exchange.
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
    const exchangeIds: string[] = []
    const maxAttempts = this.deps.maxAttempts ?? 3
    const sleep = this.deps.sleep ?? abortableSleep
    let verdict: TicketVerdict | undefined

    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      options.onAttempt?.(attempt)
      const headers = {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: await this.deps.authorizer.authorization(options.profileId),
        'idempotency-key': idempotencyKey,
      }
      const startedAt = this.deps.now()
      const result = await callZendesk(this.deps.http, {
        method: 'POST',
        url,
        headers,
        body,
        timeoutMs: this.deps.timeoutMs ?? 30_000,
      })
      const record: Exchange = {
        id: this.deps.exchanges.newId(startedAt),
        kind: 'zendesk-ticket-create',
        startedAt: startedAt.toISOString(),
        profileId: options.profileId,
        attempt,
        idempotencyKey,
        request: { method: 'POST', url, headers: maskHeaders(headers), body },
        response: result.kind === 'answered' ? result.answer : null,
        timings: result.timings,
        error: result.kind === 'failed' ? result.failure : null,
        correlation: { ...options.correlation },
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
      await this.deps.exchanges.save(record)
      exchangeIds.push(record.id)
      if (verdict.ok || !verdict.retryable || attempt === maxAttempts) break
      const wait = verdict.retryAfterSeconds ?? 2 ** (attempt - 1)
      if (wait > (this.deps.maxWaitSeconds ?? 60)) {
        verdict = {
          ...verdict,
          message: `${verdict.message} Not waiting ${wait} s here: send again later.`,
        }
        break
      }
      options.onWait?.(wait, attempt + 1)
      await sleep(wait * 1000, options.signal)
    }
    const final = verdict as TicketVerdict
    return {
      ...final,
      idempotencyKey,
      attempts: exchangeIds.length,
      exchangeIds,
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
