import { useState } from 'react'
import { recordId, type DiffSide, type MessageDiff } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { errorText } from '../../api/error-text'
import { DiffView } from './DiffView'

type SideKind = 'capture' | 'exchange-request' | 'exchange-response'

const SIDE_LABEL: Record<SideKind, string> = {
  capture: 'Capture',
  'exchange-request': 'Exchange: request',
  'exchange-response': 'Exchange: response',
}

function sideOf(kind: SideKind, id: string): DiffSide {
  if (kind === 'capture') return { kind: 'capture', id }
  return { kind: 'exchange', id, part: kind === 'exchange-request' ? 'request' : 'response' }
}

function SidePicker({
  label,
  kind,
  id,
  onKind,
  onId,
}: {
  label: string
  kind: SideKind
  id: string
  onKind: (kind: SideKind) => void
  onId: (id: string) => void
}) {
  return (
    <fieldset className="compare-side">
      <legend>{label}</legend>
      <select
        aria-label={`${label}: kind`}
        value={kind}
        onChange={(e) => onKind(e.target.value as SideKind)}
      >
        {Object.entries(SIDE_LABEL).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <input
        aria-label={`${label}: id`}
        value={id}
        onChange={(e) => onId(e.target.value.trim())}
        placeholder="01J… (from the Inbox or this list)"
        spellCheck={false}
      />
    </fieldset>
  )
}

/** Any two captures or exchanges, by id: what changed between two deliveries or two answers. */
export function ComparePanel() {
  const api = useApi()
  const [left, setLeft] = useState<{ kind: SideKind; id: string }>({ kind: 'capture', id: '' })
  const [right, setRight] = useState<{ kind: SideKind; id: string }>({ kind: 'capture', id: '' })
  const [diff, setDiff] = useState<MessageDiff>()
  const [error, setError] = useState<string>()
  const ready = recordId.safeParse(left.id).success && recordId.safeParse(right.id).success

  const compare = async () => {
    setError(undefined)
    try {
      setDiff(
        await api.diffs.compare({
          left: sideOf(left.kind, left.id),
          right: sideOf(right.kind, right.id),
        }),
      )
    } catch (failure) {
      setError(errorText(failure))
    }
  }

  return (
    <details className="panel tool-panel">
      <summary>
        <strong>Compare any two</strong>{' '}
        <span className="muted small">— captures or exchanges, by id</span>
      </summary>
      <div className="two-columns">
        <SidePicker
          label="Left"
          kind={left.kind}
          id={left.id}
          onKind={(kind) => setLeft((s) => ({ ...s, kind }))}
          onId={(id) => setLeft((s) => ({ ...s, id }))}
        />
        <SidePicker
          label="Right"
          kind={right.kind}
          id={right.id}
          onKind={(kind) => setRight((s) => ({ ...s, kind }))}
          onId={(id) => setRight((s) => ({ ...s, id }))}
        />
      </div>
      <button
        type="button"
        className="button button-small"
        disabled={!ready}
        onClick={() => void compare()}
      >
        Compare
      </button>
      {error && <p className="form-error">{error}</p>}
      {diff && <DiffView diff={diff} />}
    </details>
  )
}
