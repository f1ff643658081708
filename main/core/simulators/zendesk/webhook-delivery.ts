import type {
  SimulatorEvent,
  WebhookInvocationView,
  ZendeskSimulatorSettings,
} from '../../../../shared/contract/simulators'
import type { HttpOutcome, SendHttp } from '../../net/http-request'
import { headerPairs, headerValue } from '../../net/raw-record'
import { retryAfterSeconds } from '../../net/retry-after'
import { CircuitBreaker } from './circuit-breaker'
import { InvocationLog, attemptFields, type DeliveryJob, type Invocation } from './invocation-log'
import type { ZdWebhook } from './model'
import { maskedHeaders, webhookHeaders } from './webhook-request'

export type { DeliveryJob } from './invocation-log'

export interface DeliveryOptions {
  settings: () => ZendeskSimulatorSettings
  /** The webhook as it is now: an endpoint changed after queueing is honoured. */
  webhook: (id: string) => ZdWebhook | undefined
  accountId: number
  now: () => Date
  random: () => number
  send: SendHttp
  emit: (event: SimulatorEvent) => void
}

/** Keeps the log readable: a receiver's error page is rarely useful past its first few KB. */
const MAX_RESPONSE_BODY = 16 * 1024

/**
 * Zendesk's asynchronous webhook delivery (§5.7): queued after the update commits, signed (§5.5)
 * with Zendesk's headers (§5.4), a 12 s deadline, retries for timeouts (5), 409 (3) and 429/503
 * with a short Retry-After, the per-webhook circuit breaker, and an invocation log of every
 * attempt. Faults can duplicate invocations or let later ones overtake earlier ones.
 */
export class WebhookDelivery {
  private readonly log = new InvocationLog()
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly inFlight = new AbortController()
  private readonly breaker: CircuitBreaker
  private nextId = 8_350_205_582
  private closed = false

  constructor(private readonly options: DeliveryOptions) {
    this.breaker = new CircuitBreaker(() => options.settings().circuitBreaker)
  }

  enqueue(job: DeliveryJob): WebhookInvocationView {
    const headerId = String(this.nextId++)
    const invocation = this.start(job, headerId, headerId, false)
    const { faults } = this.options.settings()
    if (faults.duplicateRate > 0 && this.options.random() < faults.duplicateRate) {
      // At-least-once delivery: the copy carries the same invocation id, as a redelivery would.
      this.start(job, `${headerId}-duplicate`, headerId, true)
    }
    return invocation.view
  }

  /** Logs an invocation that could not be sent at all (its body did not render, or was too long). */
  reject(job: DeliveryJob, error: string): WebhookInvocationView {
    const id = String(this.nextId++)
    const now = this.options.now()
    const invocation = this.log.create(job, id, id, false, now)
    this.log.addAttempt(invocation, now, 0, { outcome: 'cancelled', error })
    this.setStatus(invocation, 'failed')
    return invocation.view
  }

  invocations(): WebhookInvocationView[] {
    return this.log.all().map((invocation) => invocation.view)
  }

  invocation(id: string): WebhookInvocationView | undefined {
    return this.log.get(id)?.view
  }

  forgetWebhook(webhookId: string): void {
    this.breaker.forget(webhookId)
  }

  /** Stops every timer and in-flight request; nothing is sent afterwards. */
  close(): void {
    this.closed = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    this.inFlight.abort()
    for (const invocation of this.log.pending()) this.setStatus(invocation, 'cancelled')
  }

  private start(job: DeliveryJob, id: string, headerId: string, duplicate: boolean): Invocation {
    const invocation = this.log.create(job, id, headerId, duplicate, this.options.now())
    const { delivery, faults } = this.options.settings()
    const reorder =
      faults.reorderWindowMs > 0 ? Math.floor(this.options.random() * faults.reorderWindowMs) : 0
    this.options.emit({ type: 'zendesk.invocation', invocationId: id, status: 'queued' })
    this.schedule(invocation, delivery.queueDelayMs + reorder)
    return invocation
  }

  private schedule(invocation: Invocation, delayMs: number): void {
    if (this.closed) return
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      void this.attempt(invocation)
    }, delayMs)
    this.timers.add(timer)
  }

  private async attempt(invocation: Invocation): Promise<void> {
    if (this.closed) return
    const settings = this.options.settings()
    const webhook = this.options.webhook(invocation.job.webhook.id) ?? invocation.job.webhook
    const started = this.options.now()

    if (!this.breaker.allows(webhook.id, started.getTime())) {
      this.log.addAttempt(invocation, started, 0, {
        outcome: 'circuit-broken',
        error: 'Circuit breaker open: sending to this webhook is paused',
      })
      this.setStatus(invocation, 'circuit-broken')
      return
    }

    const reuse = settings.delivery.resignOnRetry ? undefined : invocation.firstSignature
    const headers = webhookHeaders({
      webhook,
      accountId: this.options.accountId,
      invocationId: invocation.headerId,
      body: invocation.job.body,
      at: started,
      order: settings.delivery.signatureOrder,
      userAgent: settings.delivery.userAgent,
      ...(reuse ? { reuse } : {}),
    })
    invocation.firstSignature ??= {
      timestamp: headers['x-zendesk-webhook-signature-timestamp']!,
      signature: headers['x-zendesk-webhook-signature']!,
    }
    const { query } = invocation.job
    const url =
      query === ''
        ? webhook.endpoint
        : `${webhook.endpoint}${webhook.endpoint.includes('?') ? '&' : '?'}${query}`
    const body = invocation.job.body
    invocation.view.request = {
      method: webhook.httpMethod,
      url,
      headers: maskedHeaders(headers, webhook),
      body,
    }
    this.setStatus(invocation, 'sending')
    // One deadline for the whole exchange (connect, send, headers and body), as Zendesk's 12 s
    // timeout is described (§5.7).
    const timeoutMs = settings.delivery.timeoutMs
    const result = await this.options.send({
      url,
      method: webhook.httpMethod,
      headers: headerPairs(headers),
      body: body === '' ? undefined : body,
      timeoutMs,
      signal: this.inFlight.signal,
      maxResponseBytes: MAX_RESPONSE_BODY,
    })
    if (this.closed) return
    const finished = this.options.now()
    const ok = result.kind === 'answered' && result.status >= 200 && result.status < 300
    this.breaker.record(webhook.id, !ok, finished.getTime())

    const attempt = invocation.view.attempts.length + 1
    const retryInMs = ok ? null : this.retryDelay(invocation, result, attempt, finished)
    const durationMs = finished.getTime() - started.getTime()
    const fields = attemptFields(result, timeoutMs)
    this.log.addAttempt(invocation, started, durationMs, fields, retryInMs)
    if (ok) this.setStatus(invocation, 'succeeded')
    else if (retryInMs === null) this.setStatus(invocation, 'failed')
    else {
      this.setStatus(invocation, 'retrying')
      this.schedule(invocation, retryInMs)
    }
  }

  /** §5.7's retry rules; null when the failure is final. */
  private retryDelay(
    invocation: Invocation,
    result: HttpOutcome,
    attempt: number,
    now: Date,
  ): number | null {
    const { delivery } = this.options.settings()
    const backoff = Math.round(delivery.retryDelayMs * delivery.retryBackoffFactor ** (attempt - 1))
    if (result.kind === 'failed' && result.failure.reason === 'timeout') {
      if (invocation.timeoutRetries >= delivery.maxTimeoutRetries) return null
      invocation.timeoutRetries += 1
      return backoff
    }
    if (result.kind !== 'answered') return null
    if (result.status === 409) {
      if (invocation.conflictRetries >= delivery.maxConflictRetries) return null
      invocation.conflictRetries += 1
      return backoff
    }
    if (result.status === 429 || result.status === 503) {
      const wait = retryAfterSeconds(headerValue(result.headers, 'retry-after'), now)
      if (wait === undefined || wait >= delivery.maxRetryAfterSeconds) return null
      if (invocation.retryAfterRetries >= delivery.maxRetryAfterRetries) return null
      invocation.retryAfterRetries += 1
      return wait * 1000
    }
    return null
  }

  private setStatus(invocation: Invocation, status: WebhookInvocationView['status']): void {
    invocation.view.status = status
    this.options.emit({ type: 'zendesk.invocation', invocationId: invocation.view.id, status })
  }
}
