import { errorText } from '../../api/error-text'
import { useCallback, useEffect, useState } from 'react'
import type { ZendeskAuthMode } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { useConnections } from './connections-store'
import { ProfileDetail } from './ProfileDetail'
import { ProfileForm } from './ProfileForm'
import { ProfileList } from './ProfileList'
import { SecretStoragePanel } from './SecretStoragePanel'
import { TransferPanel } from './TransferPanel'

export function ConnectionsScreen() {
  const api = useApi()
  const { profiles, selectedId, editing, error, load, edit, setError } = useConnections()
  const [presetMode, setPresetMode] = useState<ZendeskAuthMode>()
  const reload = useCallback(() => {
    load(api).catch((failure: unknown) => setError(errorText(failure)))
  }, [api, load, setError])

  useEffect(reload, [reload])

  const selected = profiles.find((p) => p.id === selectedId)
  const editingProfile =
    editing && editing !== 'new' ? profiles.find((p) => p.id === editing) : undefined

  return (
    <div className="stack">
      <SecretStoragePanel onChange={reload} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="split">
        <ProfileList />
        <div className="stack">
          {editing === 'new' && <ProfileForm key="new" />}
          {editingProfile && (
            <ProfileForm key={editingProfile.id} profile={editingProfile} presetMode={presetMode} />
          )}
          {!editing && selected && (
            <ProfileDetail
              profile={selected}
              onSwitchToOAuth={() => {
                setPresetMode('oauth-pkce')
                edit(selected.id)
              }}
            />
          )}
          {!editing && !selected && (
            <section className="panel empty">
              <h2>No profile selected</h2>
              <p className="muted">
                Pick a profile on the left, or create one for a customer’s Zendesk and Braze. The
                Sandbox works without any account.
              </p>
            </section>
          )}
          <TransferPanel />
        </div>
      </div>
    </div>
  )
}
