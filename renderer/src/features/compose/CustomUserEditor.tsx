import { useState } from 'react'
import type { BrazeUserProfile, SampleUserEntry } from '../../../../shared/contract'
import {
  parseJsonKeepingFloats,
  stringifyJsonKeepingFloats,
} from '../../../../shared/numbers/json-keeping-floats'
import { useApi } from '../../api/api-context'
import { useUserAction } from './use-user-actions'

/** What a new custom user starts as: the fields templates use most (braze.md §6). */
const BLANK_USER: BrazeUserProfile = {
  external_id: 'custom-1',
  first_name: 'Test',
  last_name: 'User',
  email: 'test.user@example.com',
  phone: '+14155550100',
  language: 'en',
  time_zone: 'Europe/London',
  custom_attributes: { plan: 'pro' },
}

/** `2.0` stays a Float (Liquid prints it as 2.0), both when shown and when saved. */
function parseUser(text: string): { user?: BrazeUserProfile; error?: string } {
  try {
    const value = parseJsonKeepingFloats(text)
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return {
        error: 'A user is one JSON object, e.g. {"external_id": "u-1", "first_name": "Ada"}.',
      }
    }
    return { user: value as BrazeUserProfile }
  } catch (failure) {
    return {
      error: `Not valid JSON: ${failure instanceof Error ? failure.message : String(failure)}`,
    }
  }
}

/**
 * A user typed by hand, as Braze exports it (custom attributes nested under
 * custom_attributes). Editing a built-in user saves a custom copy.
 */
export function CustomUserEditor({
  entry,
  onClose,
}: {
  entry: SampleUserEntry | null
  onClose: () => void
}) {
  const api = useApi()
  const editable = entry !== null && entry.source !== 'built-in'
  const [text, setText] = useState(() => stringifyJsonKeepingFloats(entry?.user ?? BLANK_USER, 2))
  const { run, busy, error, setError } = useUserAction()

  const save = async (asNew: boolean) => {
    const { user, error: invalid } = parseUser(text)
    if (!user) return setError(invalid)
    const ok = await run(() =>
      api.users.saveCustom(asNew || !editable ? { user } : { id: entry.id, user }),
    )
    if (ok) onClose()
  }

  return (
    <div className="custom-user" data-testid="custom-user-editor">
      <label>
        {editable
          ? `Edit ${entry.label}`
          : entry
            ? `Custom user based on ${entry.label}`
            : 'New custom user'}
        <textarea
          className="mono"
          rows={12}
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      {error && (
        <p className="form-error small" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        {editable && (
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void save(false)}
          >
            Save changes
          </button>
        )}
        <button
          type="button"
          className={`button ${editable ? '' : 'button-primary'}`}
          disabled={busy}
          onClick={() => void save(true)}
        >
          Save as custom user
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  )
}
