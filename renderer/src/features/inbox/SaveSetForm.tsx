import { useState, type FormEvent } from 'react'
import type { CaptureQuery } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { errorText } from '../../api/error-text'

/**
 * "Save to set…": writes captures into a named capture set (a folder of JSON files a QA team can
 * commit and replay), by ids or by the current filters.
 */
export function SaveSetForm({
  what,
  onDone,
}: {
  what: { ids: string[] } | { query: Omit<CaptureQuery, 'limit' | 'before'> }
  onDone: () => void
}) {
  const api = useApi()
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      const saved = await api.captures.saveSet({ name, ...what })
      setMessage({
        ok: true,
        text: `Saved ${saved.count} capture${saved.count === 1 ? '' : 's'} to ${saved.folder}`,
      })
    } catch (error) {
      setMessage({ ok: false, text: errorText(error) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="save-set" onSubmit={(event) => void submit(event)}>
      <label>
        Set name
        <input
          value={name}
          autoFocus
          required
          pattern="[A-Za-z0-9][A-Za-z0-9._\-]{0,79}"
          title="Letters, digits, ., _ and -"
          placeholder="qa-solved-tickets"
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => event.key === 'Escape' && onDone()}
        />
      </label>
      <button type="submit" className="button button-primary button-small" disabled={busy}>
        Save
      </button>
      <button type="button" className="button button-small" onClick={onDone}>
        {message?.ok ? 'Done' : 'Cancel'}
      </button>
      {message && (
        <p className={message.ok ? 'muted small full-width' : 'form-error small full-width'}>
          {message.text}
        </p>
      )}
    </form>
  )
}
