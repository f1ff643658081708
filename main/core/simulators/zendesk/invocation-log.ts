import type {
  WebhookAttemptView,
  WebhookInvocationView,
} from '../../../../shared/contract/simulators'
import type { HttpOutcome } from '../../net/http-request'
import type { ZdWebhook } from './model'

/** Invocations are kept 7 days (§5.7); the log is also capped so a load test cannot grow it forever. */
const RETENTION_MS = 7 * 24 * 60 * 60 * 1000
const MAX_INVOCATIONS = 500

export interface DeliveryJob {
  webhook: ZdWebhook
  triggerId: number | null
  ticketId: number | null
  /** The rendered body ('' for GET/DELETE). */
  body: string
  /** Key/value parameters for GET/DELETE webhooks, already encoded. */
  query: string
}

export interface Invocation {
  view: WebhookInvocationView
  job: DeliveryJob
  /** The `x-zendesk-webhook-invocation-id` sent; a duplicate shares its original's. */
  headerId: string
  timeoutRetries: number
  conflictRetries: number
  retryAfterRetries: number
  firstSignature?: { timestamp: string; signature: string }
}

const PENDING = new Set(['queued', 'sending', 'retrying'])

/** The webhook invocation log (§5.2 "invocations" and "attempts"), newest last. */
export class InvocationLog {
  private readonly entries = new Map<string, Invocation>()

  create(
    job: DeliveryJob,
    id: string,
    headerId: string,
    duplicate: boolean,
    now: Date,
  ): Invocation {
    this.prune(now.getTime())
    const invocation: Invocation = {
      job,
      headerId,
      timeoutRetries: 0,
      conflictRetries: 0,
      retryAfterRetries: 0,
      view: {
        id,
        webhookId: job.webhook.id,
        triggerId: job.triggerId,
        ticketId: job.ticketId,
        status: 'queued',
        duplicate,
        createdAt: now.toISOString(),
        request: {
          method: job.webhook.httpMethod,
          url: job.webhook.endpoint,
          headers: {},
          body: job.body,
        },
        attempts: [],
      },
    }
    this.entries.set(id, invocation)
    return invocation
  }

  get(id: string): Invocation | undefined {
    return this.entries.get(id)
  }

  all(): Invocation[] {
    return [...this.entries.values()]
  }

  addAttempt(
    invocation: Invocation,
    startedAt: Date,
    durationMs: number,
    fields: Pick<WebhookAttemptView, 'outcome' | 'error'> & Partial<WebhookAttemptView>,
    retryInMs: number | null = null,
  ): void {
    invocation.view.attempts.push({
      attempt: invocation.view.attempts.length + 1,
      startedAt: startedAt.toISOString(),
      durationMs,
      statusCode: null,
      responseBody: null,
      ...fields,
      retryInMs,
    })
  }

  pending(): Invocation[] {
    return this.all().filter((invocation) => PENDING.has(invocation.view.status))
  }

  private prune(nowMs: number): void {
    for (const [id, invocation] of this.entries) {
      const old = nowMs - Date.parse(invocation.view.createdAt) > RETENTION_MS
      if (!old && this.entries.size < MAX_INVOCATIONS) break
      if (!PENDING.has(invocation.view.status)) this.entries.delete(id)
    }
  }
}

/** One attempt's log fields from what the sender saw; `timeoutMs` is the deadline it had. */
export function attemptFields(
  result: HttpOutcome,
  timeoutMs: number,
): Pick<WebhookAttemptView, 'outcome' | 'error' | 'statusCode' | 'responseBody'> {
  if (result.kind === 'answered') {
    const ok = result.status >= 200 && result.status < 300
    return {
      outcome: ok ? 'success' : 'http-error',
      statusCode: result.status,
      error: ok ? null : `The endpoint answered ${result.status}`,
      responseBody: result.body.toString('utf8'),
    }
  }
  const failed = { statusCode: null, responseBody: null }
  const { reason, message } = result.failure
  // Zendesk's activity log shows a timeout as "Failed: 504 Gateway Timeout" (§5.7).
  if (reason === 'timeout') {
    return {
      ...failed,
      outcome: 'timeout',
      error: `Failed: 504 Gateway Timeout (no complete answer within ${timeoutMs} ms)`,
    }
  }
  if (reason === 'cancelled') {
    return {
      ...failed,
      outcome: 'cancelled',
      error: 'The simulator stopped before the request finished',
    }
  }
  return { ...failed, outcome: 'network-error', error: message }
}
