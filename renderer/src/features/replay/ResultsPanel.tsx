import { useState } from 'react'
import { useApi } from '../../api/api-context'
import { errorText } from '../../api/error-text'
import { downloadText } from '../../components/download-text'
import { useReplay } from './replay-store'

/** Pass/fail per capture of the current run, failures first, each linked to its exchange. */
export function ResultsPanel() {
  const api = useApi()
  const run = useReplay((s) => s.run)
  const [failedOnly, setFailedOnly] = useState(false)
  const [error, setError] = useState<string>()
  if (!run || (run.results.length === 0 && !run.summary)) return null
  const results = [...run.results]
    .filter((r) => !failedOnly || !r.passed)
    .sort((a, b) => Number(a.passed) - Number(b.passed))
  const exchangeIds = run.results.flatMap((r) => (r.exchangeId ? [r.exchangeId] : []))
  const runId = run.summary?.runId ?? 'run'

  const exportHar = async () => {
    setError(undefined)
    try {
      const file = await api.har.export({ exchangeIds, format: 'har' })
      downloadText(file.fileName, file.content, 'application/json')
    } catch (failure) {
      setError(errorText(failure))
    }
  }

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
          <button
            type="button"
            className="button button-small"
            disabled={exchangeIds.length === 0}
            onClick={() => void exportHar()}
            title="Every request and answer of the shown results, credentials masked"
          >
            Export HAR
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={run.results.length === 0}
            onClick={() =>
              downloadText(
                `${runId}.ndjson`,
                run.results.map((r) => JSON.stringify(r)).join('\n') + '\n',
                'application/x-ndjson',
              )
            }
          >
            Export NDJSON
          </button>
        </div>
      </div>
      {error && <p className="form-error">{error}</p>}
      <p className="muted small">
        For JUnit XML in CI: <code>bridgebench replay SET_DIR --to sandbox --junit report.xml</code>
      </p>
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
