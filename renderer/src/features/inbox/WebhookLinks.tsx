import { useCallback, useEffect, useRef, useState } from 'react'
import type { AccountWebhook } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { errorText } from '../../api/error-text'
import { useAppStore } from '../../app/app-store'
import { InvocationLog } from './InvocationLog'
import { useInbox } from './inbox-store'
import { useAction } from './use-action'

/**
 * The one-click way: the active profile's Zendesk webhooks, "Point here" to set one's endpoint to
 * the receiver (remembering the old one), "Put back", and "Update" when the tunnel URL changed.
 */
export function WebhookLinks({
  route,
  onLinked,
}: {
  route: string
  onLinked: (linked: boolean) => void
}) {
  const api = useApi()
  const profile = useAppStore((s) => s.status?.activeProfile)
  const [webhooks, setWebhooks] = useState<AccountWebhook[]>()
  const [loadError, setLoadError] = useState<string>()
  const [logFor, setLogFor] = useState<string>()
  const action = useAction()
  const status = useInbox((s) => s.status)
  // Pointed here some other way (by hand, or the Sandbox's switch): no need to offer "Point here".
  const receiverUrl = status?.receiver.url ?? null
  const tunnelUrl = status?.tunnel.state === 'online' ? status.tunnel.publicUrl : null
  const pointsHere = useCallback(
    (endpoint: string) =>
      [receiverUrl, tunnelUrl].some(
        (base) => base !== null && endpoint.startsWith(`${base.replace(/\/+$/, '')}/hooks/`),
      ),
    [receiverUrl, tunnelUrl],
  )
  useEffect(() => {
    if (webhooks) onLinked(webhooks.some((w) => w.linked !== null || pointsHere(w.endpoint)))
  }, [webhooks, pointsHere, onLinked])

  const latest = useRef(0)
  const load = useCallback(() => {
    // Only the newest request's answer is shown: loads overlap when settings change quickly.
    const request = ++latest.current
    api.webhooks
      .list({})
      .then((list) => {
        if (request !== latest.current) return
        setLoadError(undefined)
        setWebhooks(list)
      })
      .catch((error: unknown) => {
        if (request === latest.current) setLoadError(errorText(error))
      })
  }, [api])
  // Endpoints move with the receiver's and tunnel's URLs and the settings (the Sandbox's switch):
  // each settings answer from the engine is a new object, so this reloads after it applied.
  const settings = useInbox((s) => s.settings)
  useEffect(load, [load, profile?.id, receiverUrl, tunnelUrl, settings])

  const replace = (next: AccountWebhook) =>
    setWebhooks((list) => (list ?? []).map((w) => (w.id === next.id ? next : w)))

  return (
    <div className="webhook-links">
      <div className="panel-title-row">
        <h3>Or in one click{profile ? ` — ${profile.name}’s webhooks` : ''}</h3>
        <button type="button" className="button button-small" onClick={load}>
          Refresh
        </button>
      </div>
      {loadError && <p className="form-error small">{loadError}</p>}
      {!webhooks && !loadError && <p className="muted small">Loading the account’s webhooks…</p>}
      {webhooks?.length === 0 && (
        <p className="muted small">This account has no webhooks yet: create one as described.</p>
      )}
      {webhooks && webhooks.length > 0 && (
        <table className="table webhook-table" data-testid="webhook-table">
          <thead>
            <tr>
              <th>Webhook</th>
              <th>Endpoint</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {webhooks.map((webhook) => (
              <WebhookRow
                key={webhook.id}
                webhook={webhook}
                pointsHere={pointsHere(webhook.endpoint)}
                busy={action.busy}
                onLink={() =>
                  void action.run(async () =>
                    replace(await api.webhooks.link({ webhookId: webhook.id, route })),
                  )
                }
                onUnlink={() =>
                  void action.run(async () =>
                    replace(await api.webhooks.unlink({ webhookId: webhook.id })),
                  )
                }
                logOpen={logFor === webhook.id}
                onToggleLog={() => setLogFor(logFor === webhook.id ? undefined : webhook.id)}
              />
            ))}
          </tbody>
        </table>
      )}
      {action.error && <p className="form-error small">{action.error}</p>}
      {logFor && <InvocationLog webhookId={logFor} />}
    </div>
  )
}

function WebhookRow({
  webhook,
  pointsHere,
  busy,
  onLink,
  onUnlink,
  logOpen,
  onToggleLog,
}: {
  webhook: AccountWebhook
  pointsHere: boolean
  busy: boolean
  onLink: () => void
  onUnlink: () => void
  logOpen: boolean
  onToggleLog: () => void
}) {
  const linked = webhook.linked
  // Someone (or something) changed the endpoint in Zendesk after Bridgebench pointed it here.
  const movedAway = linked !== null && !linked.stale && webhook.endpoint !== linked.linkedEndpoint
  return (
    <tr>
      <td>
        <strong>{webhook.name}</strong>
        <div className="muted small">
          {webhook.httpMethod} · {webhook.requestFormat} · {webhook.status}
        </div>
      </td>
      <td className="endpoint-cell">
        <code>{webhook.endpoint}</code>
        {((linked && !linked.stale && !movedAway) || (!linked && pointsHere)) && (
          <div className="small tone-ok">Points at this receiver</div>
        )}
        {movedAway && (
          <div className="small tone-warning">
            Changed in Zendesk since it was pointed here ({linked.linkedEndpoint}): deliveries no
            longer arrive here
          </div>
        )}
        {linked?.stale && (
          <div className="small tone-warning">
            The tunnel URL changed since: Zendesk still calls {linked.linkedEndpoint}
          </div>
        )}
        {linked && <div className="muted small">Was: {linked.previousEndpoint}</div>}
      </td>
      <td className="cell-actions">
        <div className="actions">
          {((!linked && !pointsHere) || linked?.stale || movedAway) && (
            <button
              type="button"
              className={`button button-small${linked ? ' button-primary' : ''}`}
              disabled={busy}
              onClick={onLink}
            >
              {linked ? 'Update' : 'Point here'}
            </button>
          )}
          {linked && (
            <button
              type="button"
              className="button button-small"
              disabled={busy}
              onClick={onUnlink}
            >
              Put back
            </button>
          )}
          <button type="button" className="button button-small" onClick={onToggleLog}>
            {logOpen ? 'Hide log' : 'Zendesk’s log'}
          </button>
        </div>
      </td>
    </tr>
  )
}
