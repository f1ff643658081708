import type { SetupChange, TriggerConditionChoice } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { useTriggerBody } from './trigger-store'

const CONDITIONS: Array<[TriggerConditionChoice, string]> = [
  ['solved-or-closed', 'Status category changed to solved or closed'],
  ['solved', 'Status category changed to solved'],
  ['closed', 'Status category changed to closed'],
  ['created', 'Ticket is created'],
  ['updated', 'Ticket is updated'],
]

/**
 * Sets up the Zendesk side in one step: the plan is a diff against what the account has, then
 * apply (idempotent) and undo.
 */
export function SetupPanel() {
  const api = useApi()
  const condition = useTriggerBody((s) => s.condition)
  const destination = useTriggerBody((s) => s.destination)
  const plan = useTriggerBody((s) => s.plan)
  const setup = useTriggerBody((s) => s.setup)
  const busy = useTriggerBody((s) => s.busy)
  const actions = useTriggerBody.getState()
  return (
    <section className="panel" aria-labelledby="trigger-setup">
      <h2 id="trigger-setup">Set up Zendesk</h2>
      <p className="muted small">
        A webhook (POST, JSON, Bearer with the profile&apos;s Braze key) to Braze /users/track, and
        a trigger that notifies it with this body.
      </p>
      <label className="form">
        When
        <select
          value={condition}
          onChange={(event) => actions.setCondition(event.target.value as TriggerConditionChoice)}
        >
          {CONDITIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="form">
        Deliver to
        <select
          value={destination}
          onChange={(event) =>
            actions.setDestination(event.target.value === 'receiver' ? 'receiver' : 'braze')
          }
        >
          <option value="braze">Braze /users/track (the profile&apos;s endpoint)</option>
          <option value="receiver">The receiver&apos;s public URL (capture, then forward)</option>
        </select>
      </label>
      <div className="actions">
        <button type="button" disabled={busy !== null} onClick={() => void actions.showPlan(api)}>
          Show plan
        </button>
        <button
          type="button"
          disabled={busy !== null || !plan || plan.upToDate}
          onClick={() => void actions.apply(api)}
        >
          Apply
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void actions.undo(api)}>
          Undo last setup
        </button>
      </div>
      {plan && (
        <div data-testid="setup-plan">
          <p className={plan.upToDate ? 'tone-ok' : ''}>
            {plan.upToDate ? 'Up to date: nothing to change.' : 'Plan: what setup will change.'}
          </p>
          {plan.changes.map((change) => (
            <ChangeDiff key={change.kind} change={change} />
          ))}
          {plan.notes.map((note) => (
            <p key={note} className="muted small">
              {note}
            </p>
          ))}
        </div>
      )}
      {setup && (
        <ul className="problem-list" data-testid="setup-steps">
          {setup.steps.map((step, index) => (
            <li key={index} className={step.ok ? '' : 'form-error'}>
              {step.ok ? '✓' : '✗'} {step.kind} {step.action}: {step.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function ChangeDiff({ change }: { change: SetupChange }) {
  return (
    <div className="setup-change">
      <h3>
        <span className={`badge ${change.action === 'none' ? 'badge-ok' : 'badge-warning'}`}>
          {change.action}
        </span>{' '}
        {change.kind} “{change.name}”{change.id ? ` (${change.id})` : ''}
      </h3>
      <table className="table">
        <thead>
          <tr>
            <th>Field</th>
            <th>In the account</th>
            <th>Setup writes</th>
          </tr>
        </thead>
        <tbody>
          {change.fields.map((field) => (
            <tr key={field.field} className={field.changed ? 'diff-changed' : ''}>
              <td>{field.field}</td>
              <td className="diff-old">
                <code>{field.current ?? '—'}</code>
              </td>
              <td className={field.changed ? 'diff-new' : ''}>
                <code>{field.desired}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
