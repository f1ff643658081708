import type { WebhookInvocationView } from '../../../../shared/contract'

const TONE: Record<string, string> = {
  succeeded: 'ok',
  failed: 'error',
  'circuit-broken': 'error',
  cancelled: 'info',
  queued: 'info',
  sending: 'info',
  retrying: 'warning',
}

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return body
  }
}

export function InvocationsPanel({
  invocations,
  receiverUrl,
}: {
  invocations: WebhookInvocationView[]
  receiverUrl: string
}) {
  const newest = [...invocations].reverse()
  return (
    <section className="panel" aria-labelledby="sim-invocations">
      <h2 id="sim-invocations">Webhook invocations</h2>
      <p className="muted small">
        Delivered to <code>{receiverUrl}</code>, signed as Zendesk signs them.
      </p>
      {newest.length === 0 ? (
        <p className="muted">Nothing delivered yet. Solve a ticket to fire the trigger.</p>
      ) : (
        <ul className="invocations" data-testid="sim-invocations">
          {newest.map((invocation) => (
            <li key={invocation.id}>
              <details>
                <summary>
                  <span className={`badge badge-${TONE[invocation.status] ?? 'info'}`}>
                    {invocation.status}
                  </span>{' '}
                  ticket #{invocation.ticketId ?? '—'} · {invocation.attempts.length} attempt
                  {invocation.attempts.length === 1 ? '' : 's'}
                  {invocation.duplicate && <span className="badge badge-warning">duplicate</span>}
                  <span className="muted small">
                    {' '}
                    {new Date(invocation.createdAt).toLocaleTimeString()}
                  </span>
                </summary>
                <pre className="code-block">{`${invocation.request.method} ${invocation.request.url}\n${Object.entries(
                  invocation.request.headers,
                )
                  .map(([k, v]) => `${k}: ${v}`)
                  .join('\n')}\n\n${prettyBody(invocation.request.body)}`}</pre>
                <ol className="attempts">
                  {invocation.attempts.map((attempt) => (
                    <li key={attempt.attempt}>
                      {attempt.outcome}
                      {attempt.statusCode !== null && ` ${attempt.statusCode}`} in{' '}
                      {attempt.durationMs} ms
                      {attempt.error && <span className="muted"> — {attempt.error}</span>}
                      {attempt.retryInMs !== null && (
                        <span className="muted"> · retry in {attempt.retryInMs} ms</span>
                      )}
                    </li>
                  ))}
                </ol>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
