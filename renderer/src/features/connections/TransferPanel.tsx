import { errorText } from '../../api/error-text'
import { useRef, useState } from 'react'
import { useApi } from '../../api/api-context'
import { downloadText } from '../../components/download-text'
import { useConnections } from './connections-store'

/** Export without secrets, or with them sealed under a passphrase; import either kind. */
export function TransferPanel() {
  const api = useApi()
  const { load } = useConnections()
  const [includeSecrets, setIncludeSecrets] = useState(false)
  const [passphrase, setPassphrase] = useState('')
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string }>()
  const file = useRef<HTMLInputElement>(null)

  const exportProfiles = async () => {
    try {
      const result = await api.profiles.export({
        includeSecrets,
        passphrase: includeSecrets ? passphrase : undefined,
      })
      downloadText(result.fileName, result.content, 'application/json')
      setMessage({ tone: 'ok', text: `Saved ${result.fileName}.` })
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(error) })
    }
  }
  const importProfiles = async (chosen: File | undefined) => {
    if (!chosen) return
    try {
      const content = await chosen.text()
      const result = await api.profiles.import({ content, passphrase: passphrase || undefined })
      await load(api)
      const skipped = result.skippedSecrets
        ? ` ${result.skippedSecrets} sealed secrets skipped: enter the export passphrase to import them.`
        : ''
      setMessage({
        tone: 'ok',
        text: `Imported ${result.imported.map((p) => p.name).join(', ') || 'nothing'}.${skipped}`,
      })
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(error) })
    } finally {
      if (file.current) file.current.value = ''
    }
  }

  return (
    <section className="panel" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">Share profiles</h2>
      <div className="inline-form">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={includeSecrets}
            onChange={(e) => setIncludeSecrets(e.target.checked)}
          />
          Include secrets, sealed with a passphrase
        </label>
        <label>
          Passphrase
          <input
            type="password"
            autoComplete="new-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            placeholder="for sealed secrets"
          />
        </label>
        <button type="button" className="button" onClick={() => void exportProfiles()}>
          Export…
        </button>
        <button type="button" className="button" onClick={() => file.current?.click()}>
          Import…
        </button>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          hidden
          onChange={(e) => void importProfiles(e.target.files?.[0])}
        />
      </div>
      {message && (
        <p
          className={message.tone === 'error' ? 'form-error' : 'muted'}
          role={message.tone === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </section>
  )
}
