import type { CaptureDetail } from '../../../../shared/contract'
import { Badge } from './Badge'
import { VERDICT_TONE, formatClock, statusBadge } from './capture-format'
import { useInbox } from './inbox-store'

const OUTCOME_TONE = { delivered: 'ok', retry: 'warning', 'gives-up': 'error' } as const
const OUTCOME_LABEL = {
  delivered: 'delivered',
  retry: 'will retry',
  'gives-up': 'gives up',
} as const

/**
 * What the receiver answered and what Zendesk does about it: retry or not, the other attempts of
 * the same invocation, and how close the webhook is to Zendesk's circuit breaker.
 */
export function DeliverySection({ detail }: { detail: CaptureDetail }) {
  const { capture, invocationAttempts, breaker } = detail
  const answered = statusBadge(capture.answer.status)
  const { invocation } = capture
  return (
    <section className="detail-section" aria-labelledby="detail-delivery">
      <h3 id="detail-delivery">Delivery</h3>
      <dl className="facts detail-facts">
        <dt>Answered</dt>
        <dd>
          <Badge tone={answered.tone}>{answered.label}</Badge>{' '}
          {capture.answer.retryAfterSeconds !== null &&
            `Retry-After ${capture.answer.retryAfterSeconds} s · `}
          {capture.answer.delayMs > 0 && `after ${capture.answer.delayMs / 1000} s · `}
          <span className="muted">{capture.answer.reason}</span>
        </dd>
        <dt>Zendesk next</dt>
        <dd data-testid="zendesk-next">
          <Badge tone={OUTCOME_TONE[capture.next.outcome]}>
            {OUTCOME_LABEL[capture.next.outcome]}
          </Badge>{' '}
          {capture.next.message}
        </dd>
        <dt>Invocation</dt>
        <dd>
          {invocation.invocationId ? (
            <>
              <code>{invocation.invocationId}</code>
              {invocation.attempt !== null && ` · attempt ${invocation.attempt}`}
              {' · '}
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  useInbox.getState().setFilters({ invocationId: invocation.invocationId ?? '' })
                }
              >
                show only this invocation
              </button>
            </>
          ) : (
            <span className="muted">
              No x-zendesk-webhook-invocation-id header: not sent by a Zendesk webhook.
            </span>
          )}
        </dd>
        {invocation.webhookId && (
          <>
            <dt>Webhook</dt>
            <dd>
              <code>{invocation.webhookId}</code>
              {invocation.accountId && (
                <span className="muted"> · account {invocation.accountId}</span>
              )}
            </dd>
          </>
        )}
      </dl>
      {invocationAttempts.length > 1 && (
        <ol className="attempt-list" aria-label="Attempts of this invocation">
          {invocationAttempts.map((attempt, index) => {
            const status = statusBadge(attempt.status)
            return (
              <li key={attempt.id}>
                <button
                  type="button"
                  className={`attempt${attempt.id === capture.id ? ' is-current' : ''}`}
                  onClick={() => useInbox.getState().open(attempt.id)}
                >
                  <span className="mono">#{attempt.attempt ?? index + 1}</span>
                  <span className="mono muted">{formatClock(attempt.receivedAt)}</span>
                  <Badge tone={status.tone}>{status.label}</Badge>
                  <Badge tone={VERDICT_TONE[attempt.verdict]}>{attempt.verdict}</Badge>
                  {attempt.flags.map((flag) => (
                    <Badge key={flag} tone="warning">
                      {flag}
                    </Badge>
                  ))}
                </button>
              </li>
            )
          })}
        </ol>
      )}
      {breaker && (
        <div className={`breaker${breaker.tripped ? ' is-tripped' : ''}`} data-testid="breaker">
          <div className="breaker-head">
            <strong>Circuit breaker</strong>
            <span className="muted small">
              {breaker.errors} error{breaker.errors === 1 ? '' : 's'} of {breaker.requests} in the
              last 5 min
            </span>
          </div>
          <div
            className="meter"
            role="meter"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round((breaker.errorRate ?? 0) * 100)}
            aria-label="Error rate against Zendesk's 70 % threshold"
          >
            <span style={{ width: `${Math.min(100, (breaker.errorRate ?? 0) * 100)}%` }} />
            <i className="meter-mark" style={{ left: '70%' }} />
          </div>
          <p className="small">{breaker.message}</p>
        </div>
      )}
    </section>
  )
}
