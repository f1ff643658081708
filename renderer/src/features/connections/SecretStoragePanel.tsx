import { errorText } from '../../api/error-text'
import { useState, type FormEvent } from 'react'
import { useApi } from '../../api/api-context'
import { useAppStore } from '../../app/app-store'

/** Where secrets live, how strong that is, and what the user must do (unlock, or choose). */
export function SecretStoragePanel({ onChange }: { onChange: () => void }) {
  const api = useApi()
  const storage = useAppStore((s) => s.status?.secretStorage ?? s.info?.secretStorage)
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState<string>()
  if (!storage) return null

  const run = async (work: () => Promise<unknown>) => {
    setError(undefined)
    try {
      await work()
      onChange()
    } catch (failure) {
      setError(errorText(failure))
    }
  }
  const unlock = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      await api.vault.unlock({ passphrase })
      setPassphrase('')
    })
  }
  const tone =
    storage.locked || storage.needsDecision
      ? 'warning'
      : storage.strength === 'strong'
        ? 'ok'
        : 'warning'

  return (
    <section
      className={`panel storage tone-border-${tone}`}
      aria-labelledby="storage-heading"
      data-testid="secret-storage-panel"
    >
      <h2 id="storage-heading">
        Secret storage{' '}
        <span className={`badge badge-${tone}`}>
          {storage.locked ? 'locked' : storage.strength}
        </span>
      </h2>
      <p>
        <strong>{storage.label}.</strong> {storage.detail}
      </p>
      {storage.locked && storage.backend === 'passphrase' && (
        <form className="inline-form" onSubmit={unlock}>
          <label>
            Passphrase
            <input
              type="password"
              autoComplete="current-password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              minLength={8}
              required
            />
          </label>
          <button type="submit" className="button button-primary">
            Unlock
          </button>
          <span className="muted small">
            The first passphrase you enter in a new data folder becomes its passphrase.
          </span>
        </form>
      )}
      {storage.needsDecision && (
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={() => void run(() => api.vault.chooseWeakStorage({ choice: 'weak' }))}
          >
            Store with weak protection
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void run(() => api.vault.chooseWeakStorage({ choice: 'session-only' }))}
          >
            Keep secrets for this session only
          </button>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
