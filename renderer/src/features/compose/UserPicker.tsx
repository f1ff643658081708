import type { SampleUserEntry, UserSource } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { errorText } from '../../api/error-text'
import { useCompose } from './compose-store'
import { useLibrary } from './library-store'
import { optionLabels } from './user-labels'
import { useUserAction } from './use-user-actions'

const GROUPS: Array<[UserSource, string]> = [
  ['built-in', 'Built-in'],
  ['imported', 'Imported'],
  ['custom', 'Custom'],
  ['braze', 'Loaded from Braze'],
  ['random', 'Random'],
]

/** The user the preview renders for, picked from every saved and built-in user. */
export function UserPicker() {
  const api = useApi()
  const users = useLibrary((s) => s.users)
  const reloadUsers = useLibrary((s) => s.reloadUsers)
  const userId = useCompose((s) => s.userId)
  const userLabel = useCompose((s) => s.userLabel)
  const selectUser = useCompose((s) => s.selectUser)
  const editUser = useCompose((s) => s.editUser)
  const { run, busy, error, setError } = useUserAction()
  const selected = users.find((u) => u.id === userId)
  const labels = optionLabels(users)

  const remove = async (entry: SampleUserEntry) => {
    try {
      await api.users.remove({ id: entry.id })
      await reloadUsers(api)
      const first = useLibrary.getState().users[0]
      selectUser(first?.id ?? null, first?.label ?? null)
    } catch (failure) {
      setError(errorText(failure))
    }
  }

  return (
    <div className="user-picker">
      <label className="inline-label">
        <span>Render for</span>
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
            <option value={userId}>{userLabel ?? userId} (not saved)</option>
          )}
          {GROUPS.map(([source, label]) => {
            const group = users.filter((u) => u.source === source)
            if (group.length === 0) return null
            return (
              <optgroup key={source} label={label}>
                {group.map((u) => (
                  <option key={u.id} value={u.id}>
                    {labels.get(u.id)}
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
          title="A plausible random user (about one in eight has a trap: a quote in the name, no email…); it replaces the last random one"
        >
          Random user
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={!selected}
          onClick={() => editUser({ entry: selected ?? null })}
          title={
            selected?.source === 'built-in'
              ? 'Edit a copy of this built-in user as JSON'
              : "Edit this user's attributes as JSON"
          }
        >
          Edit
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => editUser({ entry: null })}
          title="Type a user by hand, as Braze exports it"
        >
          Custom user…
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
