import { useApi } from '../../api/api-context'
import { CopyButton } from '../../components/CopyButton'
import { DeliverThroughReceiver } from './DeliverThroughReceiver'
import { NO_FILTERS, hasFilters } from './capture-filters'
import { useInbox } from './inbox-store'
import { hookUrl, primaryRoute, publicBase } from './receiver-urls'
import { useAction } from './use-action'

/** What the list area says when it has nothing to show, and what to do about it. */
export function EmptyState() {
  const api = useApi()
  const status = useInbox((s) => s.status)
  const settings = useInbox((s) => s.settings)
  const filters = useInbox((s) => s.filters)
  const loading = useInbox((s) => s.loading)
  const loadError = useInbox((s) => s.loadError)
  const action = useAction()
  if (loadError) return <p className="form-error empty-state">{loadError}</p>
  if (loading) return <p className="muted empty-state">Loading captures…</p>
  if (hasFilters(filters)) {
    return (
      <div className="empty-state" data-testid="empty-state">
        <h3>No capture matches these filters</h3>
        <button
          type="button"
          className="button"
          onClick={() => useInbox.getState().setFilters(NO_FILTERS)}
        >
          Clear filters
        </button>
      </div>
    )
  }
  const receiver = status?.receiver
  if (receiver?.state !== 'running') {
    return (
      <div className="empty-state" data-testid="empty-state">
        <h3>The receiver is stopped</h3>
        <p>
          Start it to get a URL for Zendesk’s webhooks. Nothing is captured while it is stopped.
        </p>
        <button
          type="button"
          className="button button-primary"
          disabled={action.busy}
          onClick={() =>
            void action.run(async () => useInbox.getState().setStatus(await api.receiver.start()))
          }
        >
          Start receiver
        </button>
        {action.error && <p className="form-error small">{action.error}</p>}
      </div>
    )
  }
  const route = primaryRoute(settings)
  const base = publicBase(status)
  return (
    <div className="empty-state" data-testid="empty-state">
      <h3>No captures yet</h3>
      {base ? (
        <p>
          Give Zendesk this endpoint for its webhook:{' '}
          <span className="with-action inline">
            <code>{hookUrl(base, route)}</code>
            <CopyButton text={hookUrl(base, route)} />
          </span>
        </p>
      ) : (
        <p>
          The receiver listens on <code>{receiver.url && hookUrl(receiver.url, route)}</code>, which
          only this computer can reach: start a tunnel above for a URL Zendesk can call.
        </p>
      )}
      <p>Or, for a demo with the built-in Sandbox:</p>
      <DeliverThroughReceiver />
      <p>
        then solve a ticket on the <a href="#/simulators">Simulators</a> screen. Its signed webhook
        appears here as it arrives.
      </p>
    </div>
  )
}
