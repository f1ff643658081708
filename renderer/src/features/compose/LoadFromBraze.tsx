import { useState } from 'react'
import { useApi } from '../../api/api-context'
import { useAppStore } from '../../app/app-store'
import { useUserAction } from './use-user-actions'

/** "Load from Braze": one real profile by external id, with the active profile's REST key. */
export function LoadFromBraze() {
  const api = useApi()
  const profile = useAppStore((s) => s.status?.activeProfile.name ?? s.info?.activeProfile.name)
  const [externalId, setExternalId] = useState('')
  const { run, busy, error } = useUserAction()

  return (
    <form
      className="load-from-braze"
      onSubmit={(e) => {
        e.preventDefault()
        void run(() => api.users.loadFromBraze({ externalId })).then((ok) => {
          if (ok) setExternalId('')
        })
      }}
    >
      <div className="row">
        <label htmlFor="braze-external-id">Load from Braze</label>
        <input
          id="braze-external-id"
          value={externalId}
          onChange={(e) => setExternalId(e.target.value)}
          placeholder="external id, e.g. u-1002"
          data-testid="braze-external-id"
        />
        <button type="submit" className="button button-small" disabled={busy || !externalId.trim()}>
          {busy ? 'Loading…' : 'Load'}
        </button>
      </div>
      <p className="muted small">
        /users/export/ids with the {profile ? `“${profile}”` : 'active'} profile’s Braze key
        {profile === 'Sandbox' ? ' (the simulated Braze has u-1001, u-1002 and u-1003)' : ''}.
      </p>
      {error && (
        <p className="form-error small" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
