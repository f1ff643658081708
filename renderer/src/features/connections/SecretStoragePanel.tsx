import { errorText } from '../../api/error-text'
import { useState, type FormEvent } from 'react'
import { useApi } from '../../api/api-context'
import { useAppStore } from '../../app/app-store'
import { storageBadge } from './storage-badge'

/** The vault's own rule (passphrase-cipher.ts), shown before anyone trips over it. */
const MIN_PASSPHRASE = 8

function newPassphraseProblem(passphrase: string, confirmation: string): string | null {
  if (passphrase.length < MIN_PASSPHRASE)
    return `Choose a passphrase of at least ${MIN_PASSPHRASE} characters.`
  if (passphrase !== confirmation)
    return 'The two passphrases differ: type the same one twice, so a typo does not become it.'
  return null
}

/** Where secrets live, how strong that is, and what the user must do (set, unlock, choose). */
export function SecretStoragePanel({ onChange }: { onChange: () => void }) {
  const api = useApi()
  const storage = useAppStore((s) => s.status?.secretStorage ?? s.info?.secretStorage)
  const [passphrase, setPassphrase] = useState('')
  const [confirmation, setConfirmation] = useState('')
  const [error, setError] = useState<string>()
  if (!storage) return null
  const firstPassphrase = storage.backend === 'passphrase' && storage.passphraseSet === false

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
    const problem = firstPassphrase ? newPassphraseProblem(passphrase, confirmation) : null
    if (problem) return setError(problem)
    void run(async () => {
      await api.vault.unlock({ passphrase })
      setPassphrase('')
      setConfirmation('')
    })
  }
  const badge = storageBadge(storage)
  const tone = badge.tone === 'badge-ok' ? 'ok' : badge.tone === '' ? 'neutral' : 'warning'

  return (
    <section
      className={`panel storage tone-border-${tone}`}
      aria-labelledby="storage-heading"
      data-testid="secret-storage-panel"
    >
      <h2 id="storage-heading">
        Secret storage <span className={`badge ${badge.tone}`}>{badge.text}</span>
      </h2>
      <p>
        <strong>{storage.label}.</strong> {storage.detail}
      </p>
      {storage.locked && firstPassphrase && (
        <form className="passphrase-form" onSubmit={unlock} noValidate data-testid="set-passphrase">
          <p className="muted small">
            The Sandbox needs no secrets. Before you add a real account, choose the passphrase that
            encrypts its credentials in this data folder.
          </p>
          <div className="inline-form">
            <label>
              New passphrase
              <input
                type="password"
                autoComplete="new-password"
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
                aria-describedby="passphrase-rule"
              />
            </label>
            <label>
              Type it again
              <input
                type="password"
                autoComplete="new-password"
                value={confirmation}
                onChange={(e) => setConfirmation(e.target.value)}
              />
            </label>
            <button type="submit" className="button button-primary">
              Set passphrase
            </button>
          </div>
          <p id="passphrase-rule" className="muted small">
            At least {MIN_PASSPHRASE} characters. It cannot be recovered: without it, secrets saved
            with it must be entered again.
          </p>
        </form>
      )}
      {storage.locked && storage.backend === 'passphrase' && !firstPassphrase && (
        <form className="inline-form" onSubmit={unlock} data-testid="unlock-passphrase">
          <label>
            Passphrase
            <input
              type="password"
              autoComplete="current-password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          </label>
          <button type="submit" className="button button-primary" disabled={!passphrase}>
            Unlock
          </button>
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
