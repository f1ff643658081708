import type { SampleUserEntry, UserSource } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { useCompose } from './compose-store'
import { useLibrary } from './library-store'
import { useUserAction } from './use-user-actions'

const GROUPS: Array<[UserSource, string]> = [
  ['built-in', 'Built-in'],
  ['imported', 'Imported'],
  ['custom', 'Custom'],
  ['braze', 'Loaded from Braze'],
  ['random', 'Random'],
]

/** The user the preview renders for, picked from every saved and built-in user. */
export function UserPicker({ onEdit }: { onEdit: (entry: SampleUserEntry | null) => void }) {
  const api = useApi()
  const users = useLibrary((s) => s.users)
  const reloadUsers = useLibrary((s) => s.reloadUsers)
  const userId = useCompose((s) => s.userId)
  const userLabel = useCompose((s) => s.userLabel)
  const selectUser = useCompose((s) => s.selectUser)
  const { run, busy, error, setError } = useUserAction()
  const selected = users.find((u) => u.id === userId)

  const remove = async (entry: SampleUserEntry) => {
    try {
      await api.users.remove({ id: entry.id })
      await reloadUsers(api)
      const first = useLibrary.getState().users[0]
      selectUser(first?.id ?? null, first?.label ?? null)
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    }
  }

  return (
    <div className="user-picker">
      <label className="grow">
        Render for
        <select
          value={userId ?? ''}
          onChange={(e) => {
            const entry = users.find((u) => u.id === e.target.value)
            selectUser(entry?.id ?? null, entry?.label ?? null)
          }}
          data-testid="user-picker"
        >
          {userId === null && <option value="">Pick a user…</option>}
          {userId !== null && !selected && (
            <option value={userId}>{userLabel ?? userId} (from the batch)</option>
          )}
          {GROUPS.map(([source, label]) => {
            const group = users.filter((u) => u.source === source)
            if (group.length === 0) return null
            return (
              <optgroup key={source} label={label}>
                {group.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.label}
                  </option>
                ))}
              </optgroup>
            )
          })}
        </select>
      </label>
      <div className="actions">
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => void run(() => api.users.random({}))}
          title="Make a plausible random user (about one in eight has a trap: a quote in the name, no email…)"
        >
          Random user
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => onEdit(selected ?? null)}
          title="Edit this user's attributes as JSON and save the result as a custom user"
        >
          {selected && selected.source !== 'built-in' ? 'Edit' : 'Custom user…'}
        </button>
        {selected && selected.source !== 'built-in' && (
          <button
            type="button"
            className="button button-small button-danger"
            onClick={() => void remove(selected)}
          >
            Remove
          </button>
        )}
      </div>
      {error && (
        <p className="form-error small" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
