import { useState } from 'react'
import type { ActivityChain, ActivityStep, StepKind } from './correlate-activity'
import { useActivity } from './use-activity'

const STEP_LABEL: Record<StepKind, string> = {
  render: 'Render',
  ticket: 'Ticket',
  invocation: 'Trigger',
  capture: 'Capture',
  forward: 'Forward',
  response: 'Response',
  profile: 'Braze profile',
}

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString() : '')

function Step({ step }: { step: ActivityStep }) {
  const body = (
    <>
      <span className="activity-step-kind">{STEP_LABEL[step.kind]}</span>
      <span className="activity-step-title">{step.title}</span>
      <span className="activity-step-detail">{step.detail}</span>
      <span className="activity-step-meta">
        {time(step.at)}
        {step.id && (
          <code title={step.id}>{step.id.length > 10 ? `…${step.id.slice(-6)}` : step.id}</code>
        )}
      </span>
    </>
  )
  return (
    <li className={`activity-step step-${step.tone}`} data-step={step.kind}>
      {step.href ? (
        <a href={step.href} className="activity-step-link">
          {body}
        </a>
      ) : (
        <div className="activity-step-link">{body}</div>
      )}
    </li>
  )
}

/** Steps not yet reached are shown as empty slots, so a stalled loop shows where it stopped. */
function Chain({ chain }: { chain: ActivityChain }) {
  const last = chain.steps.at(-1)
  const verdict =
    chain.missing.length === 0
      ? 'the whole loop'
      : last && (last.tone === 'error' || last.tone === 'warning')
        ? `stopped at ${STEP_LABEL[last.kind].toLowerCase()}`
        : `${STEP_LABEL[chain.missing[0] ?? 'profile'].toLowerCase()} next`
  return (
    <li className="activity-chain" data-testid="activity-chain">
      <div className="activity-chain-head">
        <strong>{chain.ticketId !== null ? `Ticket #${chain.ticketId}` : 'Delivery'}</strong>
        <span className="muted small">
          {time(chain.at)} · {verdict}
        </span>
      </div>
      <ol className="activity-steps">
        {chain.steps.map((step) => (
          <Step key={step.kind} step={step} />
        ))}
        {chain.missing.map((kind) => (
          <li
            key={kind}
            className="activity-step activity-step-missing"
            aria-label={`${STEP_LABEL[kind]}: not yet`}
          >
            <div className="activity-step-link">
              <span className="activity-step-kind">{STEP_LABEL[kind]}</span>
              <span className="activity-step-detail">not yet</span>
            </div>
          </li>
        ))}
      </ol>
    </li>
  )
}

function EmptyActivity() {
  return (
    <div className="empty" data-testid="empty-state">
      <p>
        <strong>Nothing has happened yet.</strong> The timeline links each step of the Zendesk →
        Braze loop by its ids as it happens:
      </p>
      <ol>
        <li>
          Open <a href="#/simulators">Simulators</a> and press <strong>Solve</strong> on a ticket:
          its trigger fires the webhook.
        </li>
        <li>
          The receiver captures it (“Deliver through the receiver” is on by default) and forwards it
          to the simulated Braze, whose profile then shows the attribute and the event.
        </li>
        <li>Every step, and Braze’s answer, appears here without reloading.</li>
      </ol>
      <p className="muted small">
        Tickets sent from <a href="#/compose">Compose</a> start their chain at the render.
      </p>
    </div>
  )
}

export function ActivityScreen() {
  const { chains, error } = useActivity()
  const [problemsOnly, setProblemsOnly] = useState(false)
  if (!chains) {
    return error ? (
      <section className="panel">
        <h2>Activity unavailable</h2>
        <p className="form-error">{error}</p>
      </section>
    ) : (
      <section className="panel" aria-busy="true">
        <p className="muted">Reading the activity…</p>
      </section>
    )
  }
  const shown = problemsOnly
    ? chains.filter((c) => c.steps.some((s) => s.tone === 'error' || s.tone === 'warning'))
    : chains
  return (
    <section className="panel" aria-labelledby="activity-title">
      <div className="panel-title-row">
        <h2 id="activity-title">Timeline</h2>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={problemsOnly}
            onChange={(e) => setProblemsOnly(e.target.checked)}
          />
          Only chains with a problem
        </label>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {chains.length === 0 ? (
        <EmptyActivity />
      ) : shown.length === 0 ? (
        <p className="muted">No chain has a problem.</p>
      ) : (
        <ol className="activity-chains" data-testid="activity-timeline" aria-live="polite">
          {shown.map((chain) => (
            <Chain key={chain.key} chain={chain} />
          ))}
        </ol>
      )}
    </section>
  )
}
