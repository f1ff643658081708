import { useState } from 'react'
import { useApi } from '../../api/api-context'
import { useReplay } from './replay-store'
import { ReplayFields } from './ReplayFields'
import { DEFAULT_RUN_FORM, runSettingsOf, type RunForm } from './run-form'

/** The run's settings, Start, and the live progress with Cancel. */
export function RunPanel() {
  const api = useApi()
  const { chosenSet, run, start, cancel } = useReplay()
  const [form, setForm] = useState<RunForm>(DEFAULT_RUN_FORM)
  const edit = <K extends keyof RunForm>(key: K, value: RunForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }))
  const checked = runSettingsOf(form)
  const summary = run?.summary ?? null
  const running = Boolean(run) && (summary === null || summary.state === 'running') && !run?.error

  const begin = () => {
    if (!chosenSet || !('settings' in checked)) return
    void start(api, { kind: 'set', name: chosenSet }, checked.settings)
  }

  return (
    <section className="panel" aria-labelledby="run-title">
      <h2 id="run-title">Run</h2>
      <div className="run-form">
        <ReplayFields form={form} onChange={(change) => setForm((f) => ({ ...f, ...change }))} />
        <label className="field">
          Concurrency
          <input
            inputMode="numeric"
            value={form.concurrency}
            onChange={(e) => edit('concurrency', e.target.value)}
          />
        </label>
        <label
          className="field"
          title="Braze allows 250,000 requests an hour by default (about 69 a second)"
        >
          Requests / second
          <input
            inputMode="decimal"
            value={form.ratePerSecond}
            onChange={(e) => edit('ratePerSecond', e.target.value)}
          />
        </label>
      </div>
      <fieldset className="assertions">
        <legend>Each replayed request must</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.expect2xx}
            onChange={(e) => edit('expect2xx', e.target.checked)}
          />
          get a 2xx
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.noErrors}
            onChange={(e) => edit('noErrors', e.target.checked)}
          />
          have no <code>errors</code> in Braze’s answer
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.readBack}
            onChange={(e) => edit('readBack', e.target.checked)}
          />
          be on the profile when read back (attributes and events sent)
        </label>
        <p className="muted small">
          The set’s own assertions.json, when it has one, adds to these.
        </p>
      </fieldset>
      {'problem' in checked && <p className="form-error small">{checked.problem}</p>}
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={!chosenSet || running || 'problem' in checked}
          onClick={begin}
          data-testid="start-run"
        >
          {chosenSet ? `Replay “${chosenSet}”` : 'Choose a capture set'}
        </button>
        {running && (
          <button
            type="button"
            className="button"
            disabled={!summary || run?.cancelling}
            onClick={() => void cancel(api)}
            data-testid="cancel-run"
          >
            {run?.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
      </div>
      {run && (
        <div className="run-progress" data-testid="run-progress" aria-live="polite">
          {summary && (
            <progress
              max={summary.total ?? undefined}
              value={summary.done}
              aria-label="Replay progress"
            />
          )}
          <p>
            {summary ? (
              <>
                <span
                  className={`badge badge-${summary.state === 'finished' ? (summary.failed ? 'error' : 'ok') : summary.state === 'running' ? 'info' : 'warning'}`}
                >
                  {summary.state}
                </span>{' '}
                {summary.done}
                {summary.total !== null && ` of ${summary.total}`} · {summary.passed} passed ·{' '}
                {summary.failed} failed · {summary.requestsPerSecond.toFixed(1)} req/s ·{' '}
                {(summary.durationMs / 1000).toFixed(1)} s
              </>
            ) : (
              'Starting…'
            )}
          </p>
          {(run.error ?? summary?.error) && (
            <p className="form-error">{run.error ?? summary?.error}</p>
          )}
        </div>
      )}
    </section>
  )
}
