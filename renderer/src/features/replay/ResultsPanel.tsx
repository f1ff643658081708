import { useState } from 'react'
import { useReplay } from './replay-store'
import { ExportsNote, RunExports } from './RunExports'

/** Pass/fail per capture of the current run, failures first, each linked to its exchange. */
export function ResultsPanel() {
  const run = useReplay((s) => s.run)
  const [failedOnly, setFailedOnly] = useState(false)
  if (!run || (run.results.length === 0 && !run.summary)) return null
  const results = [...run.results]
    .filter((r) => !failedOnly || !r.passed)
    .sort((a, b) => Number(a.passed) - Number(b.passed))

  return (
    <section className="panel" aria-labelledby="results-title">
      <div className="panel-title-row">
        <h2 id="results-title">Results</h2>
        <div className="actions">
          <label className="checkbox small">
            <input
              type="checkbox"
              checked={failedOnly}
              onChange={(e) => setFailedOnly(e.target.checked)}
            />
            Failures only
          </label>
          <RunExports run={run} />
        </div>
      </div>
      <ExportsNote run={run} />
      <table className="table results" data-testid="run-results">
        <thead>
          <tr>
            <th>Result</th>
            <th>Capture</th>
            <th>Status</th>
            <th>Attempts</th>
            <th>Time</th>
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={`${r.name}:${r.exchangeId ?? ''}`}>
              <td>
                <span className={`badge badge-${r.passed ? 'ok' : 'error'}`}>
                  {r.passed ? 'pass' : 'fail'}
                </span>
              </td>
              <td>
                {r.exchangeId ? <a href={`#/exchanges/${r.exchangeId}`}>{r.name}</a> : r.name}
              </td>
              <td>{r.status ?? '—'}</td>
              <td>{r.attempts}</td>
              <td>{Math.round(r.durationMs)} ms</td>
              <td className="small">{r.failures.join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {run.hiddenPasses > 0 && (
        <p className="muted small">
          {run.hiddenPasses} more passes not listed (every exchange is kept under Exchanges).
        </p>
      )}
    </section>
  )
}
