import { useReplay } from './replay-store'

/** The recent runs with their counters (a running one live). */
export function RunsPanel() {
  const runs = useReplay((s) => s.runs)
  return (
    <section className="panel" aria-labelledby="runs-title">
      <h2 id="runs-title">Recent runs</h2>
      {runs.length === 0 ? (
        <p className="muted">No runs yet. Choose a capture set and press Replay.</p>
      ) : (
        <table className="table" data-testid="run-history">
          <thead>
            <tr>
              <th>Started</th>
              <th>Source → target</th>
              <th>State</th>
              <th>Passed</th>
              <th>Failed</th>
              <th>Rate</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.runId}>
                <td>{new Date(run.startedAt).toLocaleTimeString()}</td>
                <td>
                  {run.source} → {run.target}
                </td>
                <td>
                  <span
                    className={`badge badge-${run.state === 'finished' ? (run.failed ? 'error' : 'ok') : run.state === 'running' ? 'info' : 'warning'}`}
                  >
                    {run.state}
                  </span>
                </td>
                <td>{run.passed}</td>
                <td>{run.failed}</td>
                <td>{run.requestsPerSecond.toFixed(1)}/s</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
