import type { ReplayForm, TargetKind } from './replay-form'

const TARGETS: Array<[TargetKind, string]> = [
  ['sandbox', 'The Sandbox’s simulated Braze'],
  ['braze', 'The active profile’s Braze'],
  ['receiver', 'This receiver'],
  ['url', 'Another URL'],
]

/** Target, Authorization and Re-sign: the fields a run and a single replay share. */
export function ReplayFields({
  form,
  onChange,
  autoFocus = false,
}: {
  form: ReplayForm
  onChange: (change: Partial<ReplayForm>) => void
  /** Focus the first field on mount (a form opened by a button). */
  autoFocus?: boolean
}) {
  return (
    <>
      <label className="field replay-target-field">
        Replay to
        <select
          autoFocus={autoFocus}
          value={form.target}
          onChange={(e) => onChange({ target: e.target.value as TargetKind })}
          data-testid="replay-target"
        >
          {TARGETS.map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {form.target === 'url' && (
        <label className="field replay-url-field">
          URL
          <input
            value={form.url}
            onChange={(e) => onChange({ url: e.target.value })}
            placeholder="https://…"
            data-testid="replay-url"
          />
        </label>
      )}
      <label className="field">
        Authorization
        <select
          value={form.auth}
          onChange={(e) => onChange({ auth: e.target.value as ReplayForm['auth'] })}
        >
          <option value="profile">The target’s key</option>
          <option value="capture">As captured</option>
          <option value="none">None</option>
        </select>
      </label>
      <label className="field">
        Re-sign
        <select
          value={form.resign}
          onChange={(e) => onChange({ resign: e.target.value as ReplayForm['resign'] })}
        >
          <option value="none">No: as captured</option>
          <option value="profile">With the profile’s signing secret</option>
          <option value="test">With Zendesk’s test secret</option>
        </select>
      </label>
    </>
  )
}
