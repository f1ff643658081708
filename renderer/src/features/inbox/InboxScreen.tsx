import { useApi } from '../../api/api-context'
import { CaptureDetailView } from './CaptureDetailView'
import { CaptureList } from './CaptureList'
import { CaptureToolbar } from './CaptureToolbar'
import { EmptyState } from './EmptyState'
import { ReceiverBar } from './ReceiverBar'
import { RoutesPanel } from './RoutesPanel'
import { ZendeskPanel } from './ZendeskPanel'
import { useInbox } from './inbox-store'
import { useCaptureInAddress, useInboxShortcuts } from './use-inbox-keys'
import { useInboxLive, useReloadOnFilters } from './use-inbox-live'

/**
 * Zendesk → Bridgebench: the receiver and its public URL, how to point Zendesk at it, and every
 * request it captured, live, with the detail of one.
 */
export function InboxScreen() {
  const api = useApi()
  useInboxLive()
  useReloadOnFilters(api)
  useInboxShortcuts()
  useCaptureInAddress()
  const empty = useInbox((s) => s.items.length === 0)
  const openId = useInbox((s) => s.openId)
  const unseen = useInbox((s) => s.unseen)
  return (
    <div className="inbox stack">
      <ReceiverBar />
      <div className="inbox-panels">
        <ZendeskPanel />
        <RoutesPanel />
      </div>
      <section className="panel inbox-workbench" aria-label="Captures">
        <CaptureToolbar />
        {unseen > 0 && (
          <button
            type="button"
            className="unseen-banner"
            onClick={() => void useInbox.getState().reload(api)}
          >
            {unseen} new capture{unseen === 1 ? '' : 's'} may match the search: show them
          </button>
        )}
        <div className={`inbox-split${openId ? ' has-detail' : ''}`}>
          {empty ? <EmptyState /> : <CaptureList />}
          {openId && <CaptureDetailView id={openId} />}
        </div>
      </section>
    </div>
  )
}
