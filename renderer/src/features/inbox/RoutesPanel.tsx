import { useState } from 'react'
import type { ReceiverRoute, ReceiverSettingsView } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { useAppStore } from '../../app/app-store'
import { Badge } from './Badge'
import { RouteEditor } from './RouteEditor'
import { useInbox } from './inbox-store'
import { describeAnswer } from './route-answer'
import { useAction } from './use-action'

/** The receiver's routes (`/hooks/{name}`) and how each answers, plus the capture options. */
export function RoutesPanel() {
  const api = useApi()
  const settings = useInbox((s) => s.settings)
  const door = useAppStore((s) => s.info?.door)
  const [editing, setEditing] = useState<ReceiverRoute | 'new' | null>(null)
  const action = useAction()
  const routes = settings?.routes ?? []
  const update = (run: () => Promise<ReceiverSettingsView>) =>
    void action.run(async () => useInbox.getState().setSettings(await run()))

  return (
    <details className="panel routes-panel">
      <summary>
        <h2>Routes</h2>
        <span className="muted small">
          {routes.map((r) => `/hooks/${r.name}`).join(', ') || 'none'} · how each one answers
        </span>
      </summary>
      <table className="table routes-table" data-testid="routes-table">
        <thead>
          <tr>
            <th>Route</th>
            <th>Answer</th>
            <th>Signature</th>
            <th aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {routes.map((route) => (
            <tr key={route.name}>
              <td>
                <code>/hooks/{route.name}</code>
                {route.name === 'sandbox' && (
                  <div className="muted small">the Sandbox’s webhook</div>
                )}
              </td>
              <td>{describeAnswer(route.answer)}</td>
              <td>
                {route.strictSignature ? (
                  <Badge tone="warning">strict: 401 unless valid</Badge>
                ) : (
                  <span className="muted small">capture and flag</span>
                )}
              </td>
              <td className="cell-actions">
                <div className="actions">
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => setEditing(route)}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button button-small button-danger"
                    disabled={action.busy}
                    onClick={() => update(() => api.receiver.removeRoute({ name: route.name }))}
                  >
                    Remove
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing ? (
        <RouteEditor
          key={editing === 'new' ? 'new' : editing.name}
          route={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : (
        <button
          type="button"
          className="button button-small add-route"
          onClick={() => setEditing('new')}
        >
          Add route
        </button>
      )}
      {action.error && <p className="form-error small">{action.error}</p>}
      {door === 'desktop' && settings && (
        <label className="checkbox notify-switch">
          <input
            type="checkbox"
            checked={settings.notifyOnCapture}
            onChange={(event) =>
              update(() => api.receiver.updateSettings({ notifyOnCapture: event.target.checked }))
            }
          />
          Show a desktop notification for each capture
        </label>
      )}
    </details>
  )
}
