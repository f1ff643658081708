import { errorText } from '../../api/error-text'
import { useState, type FormEvent } from 'react'
import type { ProfileView, ZendeskAuthMode } from '../../../../shared/contract'
import { BRAZE_REST_ENDPOINTS } from '../../../../shared/braze/rest-endpoints'
import { useApi } from '../../api/api-context'
import { useConnections } from './connections-store'
import {
  AUTH_MODES,
  CUSTOM_BRAZE,
  initialValues,
  secretFields,
  toInput,
  type FormValues,
} from './profile-form-model'

export function ProfileForm({
  profile,
  presetMode,
}: {
  profile?: ProfileView
  presetMode?: ZendeskAuthMode
}) {
  const api = useApi()
  const { upsert, select, edit, load } = useConnections()
  const [values, setValues] = useState<FormValues>(() => initialValues(profile, presetMode))
  const [error, setError] = useState<string>()
  const [saving, setSaving] = useState(false)
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setSaving(true)
    setError(undefined)
    try {
      const input = toInput(values)
      const saved = profile
        ? await api.profiles.update({ id: profile.id, changes: input })
        : await api.profiles.create(input)
      upsert(saved)
      await load(api)
      select(saved.id)
    } catch (failure) {
      setError(errorText(failure))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form
      className="panel form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="profile-form-title"
      autoComplete="off"
    >
      <h2 id="profile-form-title">{profile ? `Edit ${profile.name}` : 'New profile'}</h2>
      <label>
        Name
        <input
          required
          value={values.name}
          onChange={(e) => set('name', e.target.value)}
          placeholder="Acme staging"
        />
      </label>
      <label>
        Zendesk account
        <input
          required
          value={values.zendesk}
          onChange={(e) => set('zendesk', e.target.value)}
          placeholder="acme, acme.zendesk.com or https://acme.zendesk.com"
        />
      </label>
      <label>
        Zendesk sign-in
        <select
          value={values.mode}
          onChange={(e) => set('mode', e.target.value as ZendeskAuthMode)}
        >
          {AUTH_MODES.map((m) => (
            <option key={m.mode} value={m.mode}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      {values.mode === 'api-token' && (
        <label>
          Agent or admin email
          <input
            type="email"
            value={values.email}
            onChange={(e) => set('email', e.target.value)}
            placeholder="admin@acme.com"
          />
        </label>
      )}
      {(values.mode === 'oauth-pkce' || values.mode === 'oauth-client') && (
        <div className="form-row">
          <label>
            OAuth client id
            <input
              value={values.clientId}
              onChange={(e) => set('clientId', e.target.value)}
              placeholder="bridgebench"
            />
          </label>
          <label>
            Scopes
            <input value={values.scopes} onChange={(e) => set('scopes', e.target.value)} />
          </label>
        </div>
      )}
      <div className="form-row">
        <label>
          Braze REST endpoint
          <select
            value={values.brazeInstance}
            onChange={(e) => set('brazeInstance', e.target.value)}
          >
            {BRAZE_REST_ENDPOINTS.map((e) => (
              <option key={e.instance} value={e.instance}>
                {e.instance} — {e.url.replace('https://', '')}
              </option>
            ))}
            <option value={CUSTOM_BRAZE}>Custom URL…</option>
          </select>
        </label>
        {values.brazeInstance === CUSTOM_BRAZE && (
          <label>
            Custom endpoint
            <input
              value={values.brazeCustom}
              onChange={(e) => set('brazeCustom', e.target.value)}
              placeholder="https://…"
            />
          </label>
        )}
      </div>
      <fieldset>
        <legend>Secrets (stored encrypted; never shown again)</legend>
        {secretFields(values.mode).map((field) => {
          const state = profile?.secrets[field.slot]
          return (
            <label key={field.slot}>
              {field.label}
              <input
                type="password"
                autoComplete="new-password"
                value={values.secrets[field.slot] ?? ''}
                onChange={(e) =>
                  set('secrets', { ...values.secrets, [field.slot]: e.target.value })
                }
                placeholder={
                  state?.set
                    ? `set${state.hint ? ` (••••${state.hint})` : ''}: leave empty to keep`
                    : 'not set'
                }
                data-testid={`secret-${field.slot}`}
              />
              {field.help && <span className="muted small">{field.help}</span>}
            </label>
          )
        })}
      </fieldset>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : profile ? 'Save changes' : 'Create profile'}
        </button>
        <button type="button" className="button" onClick={() => edit(undefined)}>
          Cancel
        </button>
      </div>
    </form>
  )
}
