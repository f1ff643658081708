import { errorText } from '../../api/error-text'
import { useState } from 'react'
import type { ProfileView, SecretSlot } from '../../../../shared/contract'
import { apiTokenRetirementWarning } from '../../../../shared/zendesk/api-token-retirement'
import { useApi } from '../../api/api-context'
import { ConnectionReportView } from './ConnectionReportView'
import { useConnections } from './connections-store'
import { OAuthSignIn } from './OAuthSignIn'
import { secretFields } from './profile-form-model'

export function ProfileDetail({
  profile,
  onSwitchToOAuth,
}: {
  profile: ProfileView
  onSwitchToOAuth: () => void
}) {
  const api = useApi()
  const { activeProfileId, reports, testing, test, edit, load, select, upsert } = useConnections()
  const [error, setError] = useState<string>()
  const report = reports[profile.id]
  const active = profile.id === activeProfileId

  const act = async (work: () => Promise<unknown>) => {
    setError(undefined)
    try {
      await work()
      await load(api)
    } catch (failure) {
      setError(errorText(failure))
    }
  }

  const removeSecret = (slot: SecretSlot) =>
    act(async () => upsert(await api.profiles.removeSecret({ id: profile.id, slot })))
  const remove = () => {
    if (!window.confirm(`Remove ${profile.name} and its stored secrets?`)) return
    void act(async () => {
      await api.profiles.remove({ id: profile.id })
      select(undefined)
    })
  }

  return (
    <section className="panel" aria-labelledby="profile-title">
      <div className="panel-title-row">
        <h2 id="profile-title">{profile.name}</h2>
        <div className="actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => void test(api, profile.id)}
            disabled={testing[profile.id]}
            data-testid="test-connection"
          >
            {testing[profile.id] ? 'Testing…' : 'Test connection'}
          </button>
          {!active && (
            <button
              type="button"
              className="button"
              onClick={() => void act(() => api.profiles.activate({ id: profile.id }))}
            >
              Make active
            </button>
          )}
          {!profile.builtIn && (
            <>
              <button type="button" className="button" onClick={() => edit(profile.id)}>
                Edit
              </button>
              <button type="button" className="button button-danger" onClick={remove}>
                Remove
              </button>
            </>
          )}
        </div>
      </div>
      {profile.builtIn && (
        <p className="muted">
          The Sandbox talks to Bridgebench’s built-in Zendesk and Braze simulators on 127.0.0.1: no
          account needed.
        </p>
      )}
      {profile.zendesk.auth.mode === 'api-token' && !profile.builtIn && (
        <div className="callout callout-warning" role="note">
          <p>{apiTokenRetirementWarning(new Date())}</p>
          <button type="button" className="button button-small" onClick={onSwitchToOAuth}>
            Switch to OAuth
          </button>
        </div>
      )}
      <dl className="facts">
        <dt>Zendesk</dt>
        <dd>
          <code>{profile.zendesk.baseUrl || 'simulator not running'}</code>
        </dd>
        <dt>Sign-in</dt>
        <dd>
          {profile.zendesk.auth.mode}
          {profile.zendesk.auth.email && ` as ${profile.zendesk.auth.email}`}
          {profile.zendesk.auth.clientId && ` · client ${profile.zendesk.auth.clientId}`}
          {profile.zendesk.auth.accessTokenExpiresAt &&
            ` · token valid until ${new Date(profile.zendesk.auth.accessTokenExpiresAt).toLocaleString()}`}
        </dd>
        <dt>Braze</dt>
        <dd>
          <code>{profile.braze.endpoint || 'simulator not running'}</code>
        </dd>
        <dt>Secrets</dt>
        <dd>
          <ul className="secret-list" data-testid="secret-list">
            {secretFields(profile.zendesk.auth.mode).map(({ slot, label }) => {
              const state = profile.secrets[slot]
              return (
                <li key={slot}>
                  <span>{label}</span>
                  {state?.set ? (
                    <span className="with-action">
                      <span className="badge badge-ok">set</span>
                      {/* Outside the badge: badges are upper case, and a hint must read as typed. */}
                      {state.hint && <code className="secret-hint">••••{state.hint}</code>}
                    </span>
                  ) : (
                    <span className="badge">not set</span>
                  )}
                  {state?.set && !profile.builtIn && (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => void removeSecret(slot)}
                    >
                      remove
                    </button>
                  )}
                </li>
              )
            })}
          </ul>
        </dd>
      </dl>
      {(profile.zendesk.auth.mode === 'oauth-pkce' ||
        profile.zendesk.auth.mode === 'oauth-client') && (
        <OAuthSignIn profile={profile} onError={setError} />
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {report && <ConnectionReportView report={report} />}
    </section>
  )
}
