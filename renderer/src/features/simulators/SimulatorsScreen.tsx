import { useState } from 'react'
import { BehaviourPanel } from './BehaviourPanel'
import { DeliverThroughReceiver } from '../inbox/DeliverThroughReceiver'
import { BrazeProfilesPanel } from './BrazeProfilesPanel'
import { InvocationsPanel } from './InvocationsPanel'
import { TicketsPanel } from './TicketsPanel'
import { useSandbox } from './use-sandbox'

export function SimulatorsScreen() {
  const { snapshot, error, setSnapshot } = useSandbox()
  const [actionError, setActionError] = useState<string>()
  if (error && !snapshot) {
    return (
      <section className="panel">
        <h2>Simulators unavailable</h2>
        <p className="form-error">{error}</p>
      </section>
    )
  }
  if (!snapshot) {
    return (
      <section className="panel" aria-busy="true">
        <p className="muted">Loading the simulators…</p>
      </section>
    )
  }
  return (
    <div className="stack">
      <section className="panel sandbox-summary">
        <div>
          <span className="muted small">Simulated Zendesk</span>
          <code>{snapshot.zendesk.url}</code>
        </div>
        <div>
          <span className="muted small">Simulated Braze</span>
          <code>{snapshot.braze.url}</code>
        </div>
        <div>
          <span className="muted small">Trigger webhook delivers to</span>
          <code data-testid="sandbox-receiver-url">{snapshot.receiverUrl}</code>
        </div>
        <div className="sandbox-delivery">
          <DeliverThroughReceiver />
          <span className="muted small">
            Then each solved ticket’s webhook shows up on the <a href="#/inbox">Inbox</a>, live.
          </span>
        </div>
      </section>
      {actionError && (
        <p className="form-error" role="alert">
          {actionError}
        </p>
      )}
      <div className="two-columns">
        <TicketsPanel tickets={snapshot.zendesk.tickets} onError={setActionError} />
        <InvocationsPanel
          invocations={snapshot.zendesk.invocations}
          receiverUrl={snapshot.receiverUrl}
        />
      </div>
      <BrazeProfilesPanel profiles={snapshot.braze.profiles} />
      <BehaviourPanel snapshot={snapshot} onChange={setSnapshot} />
    </div>
  )
}
