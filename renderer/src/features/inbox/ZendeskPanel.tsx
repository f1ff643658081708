import { useCallback, useState } from 'react'
import { useAppStore } from '../../app/app-store'
import { AdminCenterSteps } from './AdminCenterSteps'
import { DeliverThroughReceiver } from './DeliverThroughReceiver'
import { WebhookLinks } from './WebhookLinks'
import { useInbox } from './inbox-store'
import { hookUrl, primaryRoute, publicBase } from './receiver-urls'

/**
 * Pointing Zendesk at the receiver: the Admin Center steps and the one-click link, open while no
 * webhook of the active profile points here and nothing was captured yet (then the captures get
 * the room, and the summary line still says nothing is linked); the Sandbox's switch for demos.
 */
export function ZendeskPanel() {
  const settings = useInbox((s) => s.settings)
  const status = useInbox((s) => s.status)
  const [linked, setLinked] = useState<boolean>()
  const [toggled, setToggled] = useState<boolean>()
  const onLinked = useCallback((value: boolean) => setLinked(value), [])
  // The Sandbox profile's webhook is the simulator's: its switch points it here.
  const sandboxLinked =
    useAppStore((s) => s.status?.activeProfile.id) === 'sandbox' &&
    settings?.sandboxThroughReceiver === true
  const route = primaryRoute(settings)
  const base = publicBase(status)
  const captured = (status?.captures ?? 0) > 0
  const open = toggled ?? (linked !== true && !sandboxLinked && !captured)
  return (
    <details className="panel zendesk-panel" open={open}>
      <summary
        onClick={(event) => {
          // Controlled: the user's choice wins over the automatic one from then on.
          event.preventDefault()
          setToggled(!open)
        }}
      >
        <h2>Point Zendesk here</h2>
        {linked ? (
          <span className="muted small">A webhook of this profile points at the receiver.</span>
        ) : sandboxLinked ? (
          <span className="muted small" data-testid="zendesk-sandbox-linked">
            The Sandbox’s webhook delivers through the receiver.
          </span>
        ) : (
          <span className="small tone-warning" data-testid="zendesk-unlinked">
            No webhook of this profile points here yet: follow the steps, or link one in a click.
          </span>
        )}
      </summary>
      <div className="zendesk-grid">
        <AdminCenterSteps
          endpoint={base ? hookUrl(base, route) : null}
          receiverRunning={status?.receiver.state === 'running'}
        />
        <div className="stack">
          <WebhookLinks route={route} onLinked={onLinked} />
          <div className="demo-box">
            <h3>No Zendesk account at hand?</h3>
            <DeliverThroughReceiver />
            <p className="muted small">
              Then solve a ticket on the <a href="#/simulators">Simulators</a> screen: its signed
              webhook lands in the list below, live.
            </p>
          </div>
        </div>
      </div>
    </details>
  )
}
