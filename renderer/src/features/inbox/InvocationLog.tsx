import { useCallback, useEffect, useState } from 'react'
import type { InvocationCheck } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { errorText } from '../../api/error-text'
import { Badge } from './Badge'
import { formatClock } from './capture-format'
import { useInbox } from './inbox-store'

/**
 * Zendesk's own invocation log for a webhook (its last 7 days) beside the captures: an invocation
 * Zendesk ran while the webhook pointed here, with no capture, is a delivery that never arrived.
 */
export function InvocationLog({ webhookId }: { webhookId: string }) {
  const api = useApi()
  const [log, setLog] = useState<InvocationCheck[]>()
  const [error, setError] = useState<string>()
  const load = useCallback(() => {
    api.webhooks
      .invocations({ webhookId })
      .then((next) => {
        setError(undefined)
        setLog(next)
      })
      .catch((failure: unknown) => setError(errorText(failure)))
  }, [api, webhookId])
  useEffect(load, [load])
  const missing = log?.filter((i) => i.missing).length ?? 0
  return (
    <div className="invocation-log" data-testid="invocation-log">
      <div className="panel-title-row">
        <h3>
          Zendesk’s invocation log {missing > 0 && <Badge tone="error">{missing} missing</Badge>}
        </h3>
        <button type="button" className="button button-small" onClick={load}>
          Refresh
        </button>
      </div>
      {error && <p className="form-error small">{error}</p>}
      {log?.length === 0 && <p className="muted small">No invocations in the last 7 days.</p>}
      {log && log.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>Time</th>
              <th>Invocation</th>
              <th>Zendesk says</th>
              <th>Here</th>
            </tr>
          </thead>
          <tbody>
            {log.map((invocation) => (
              <tr key={invocation.id} className={invocation.missing ? 'is-missing' : undefined}>
                <td className="mono">{formatClock(invocation.createdAt)}</td>
                <td className="mono">{invocation.id}</td>
                <td>{invocation.status}</td>
                <td>
                  {invocation.missing ? (
                    <Badge tone="error" title="Zendesk sent it while linked, but nothing arrived">
                      missing delivery
                    </Badge>
                  ) : invocation.captureIds.length > 0 ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        const store = useInbox.getState()
                        store.setFilters({ invocationId: invocation.id })
                        store.open(invocation.captureIds[0] ?? null)
                      }}
                    >
                      {invocation.captureIds.length} capture
                      {invocation.captureIds.length === 1 ? '' : 's'}
                    </button>
                  ) : (
                    <span className="muted small">not sent here</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
