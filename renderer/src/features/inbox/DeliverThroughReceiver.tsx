import { useEffect } from 'react'
import { useApi } from '../../api/api-context'
import { useInbox } from './inbox-store'
import { useAction } from './use-action'

/**
 * The Sandbox's "Deliver through the receiver" switch: its trigger webhook goes to the receiver's
 * `sandbox` route (and so into the Inbox) instead of straight to the simulated Braze. Shown on
 * the Inbox and the Simulators screens; it takes effect while the receiver runs.
 */
export function DeliverThroughReceiver() {
  const api = useApi()
  const settings = useInbox((s) => s.settings)
  const status = useInbox((s) => s.status)
  const action = useAction()
  useEffect(() => {
    // The Simulators screen shows this without the Inbox's live streams: load what it needs.
    const store = useInbox.getState()
    void api.receiver.settings().then(store.setSettings, () => undefined)
    void api.receiver.status().then(store.setStatus, () => undefined)
  }, [api])
  const on = settings?.sandboxThroughReceiver ?? false
  const running = status?.receiver.state === 'running'
  return (
    <div className="deliver-switch">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={on}
          disabled={!settings}
          data-testid="deliver-through-receiver"
          onChange={(event) => {
            const sandboxThroughReceiver = event.target.checked
            const store = useInbox.getState()
            if (!settings) return
            // Shown at once; the engine's answer (or the old value, on failure) follows.
            store.setSettings({ ...settings, sandboxThroughReceiver })
            void action.run(async () => {
              try {
                store.setSettings(await api.receiver.updateSettings({ sandboxThroughReceiver }))
              } catch (error) {
                store.setSettings(settings)
                throw error
              }
            })
          }}
        />
        Deliver the Sandbox’s webhook through the receiver
      </label>
      {on && !running && (
        <span className="small tone-warning">
          The receiver is stopped, so the Sandbox still delivers straight to Braze.{' '}
          <button
            type="button"
            className="link-button"
            disabled={action.busy}
            onClick={() =>
              void action.run(async () => useInbox.getState().setStatus(await api.receiver.start()))
            }
          >
            Start the receiver
          </button>
        </span>
      )}
      {on && running && (
        <span className="small muted">
          Solved tickets’ webhooks go to the receiver’s <code>/hooks/sandbox</code> route.
        </span>
      )}
      {action.error && <span className="form-error small">{action.error}</span>}
    </div>
  )
}
