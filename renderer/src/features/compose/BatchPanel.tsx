import { errorText } from '../../api/error-text'
import { useState } from 'react'
import type { BatchRow, BatchUserSet } from '../../../../shared/contract'
import { collectBatch } from '../../../../shared/compose/collect-batch'
import { useApi } from '../../api/api-context'
import { cannedResponses } from './canned-responses'
import { headerRecord, useCompose } from './compose-store'

type SetChoice = 'built-in' | 'saved' | 'all' | 'random'

/** Rows drawn at first, and added per "Show more": 10,000 rows at once would stall the page. */
const ROWS_SHOWN = 200

const SET_LABELS: Record<SetChoice, string> = {
  'built-in': 'Built-in users',
  saved: 'Saved users',
  all: 'All users',
  random: 'Random users',
}

function resultBadge(row: BatchRow) {
  if (row.aborted !== null) return <span className="badge badge-warning">aborted</span>
  return row.ok ? (
    <span className="badge badge-ok">passes</span>
  ) : (
    <span className="badge badge-error">fails</span>
  )
}

/** One template against a whole set of users: who fails lint and why. */
export function BatchPanel({ onPreview }: { onPreview: () => void }) {
  const api = useApi()
  const batch = useCompose((s) => s.batch)
  const setBatch = useCompose((s) => s.setBatch)
  const selectUser = useCompose((s) => s.selectUser)
  const userId = useCompose((s) => s.userId)
  const [choice, setChoice] = useState<SetChoice>('built-in')
  const [count, setCount] = useState(25)
  const [running, setRunning] = useState(false)
  const [progress, setProgress] = useState<{ done: number; total: number }>()
  const [shown, setShown] = useState(ROWS_SHOWN)
  const [failingOnly, setFailingOnly] = useState(false)
  const [error, setError] = useState<string>()

  const runBatch = async () => {
    const state = useCompose.getState()
    const users: BatchUserSet = choice === 'random' ? { random: count } : choice
    const responses = cannedResponses(state.canned)
    setRunning(true)
    setError(undefined)
    setProgress(undefined)
    try {
      const events = await api.compose.renderBatch({
        template: state.body,
        headers: headerRecord(state.headers),
        users,
        ...(state.target ? { target: state.target } : {}),
        ...(Object.keys(responses).length > 0 ? { connectedContent: { responses } } : {}),
      })
      const result = await collectBatch(events, (done, total) => setProgress({ done, total }))
      setShown(ROWS_SHOWN)
      setBatch(result)
    } catch (failure) {
      setError(errorText(failure))
    } finally {
      setRunning(false)
      setProgress(undefined)
    }
  }

  const listed = batch && failingOnly ? batch.rows.filter((r) => !r.ok) : (batch?.rows ?? [])

  const preview = (row: BatchRow) => {
    selectUser(row.userId, row.label)
    onPreview()
  }

  return (
    <section className="panel" aria-labelledby="compose-batch">
      <h2 id="compose-batch">Batch</h2>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          void runBatch()
        }}
      >
        <label>
          Render for
          <select value={choice} onChange={(e) => setChoice(e.target.value as SetChoice)}>
            {Object.entries(SET_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {choice === 'random' && (
          <label>
            How many
            <input
              type="number"
              min={1}
              max={1000}
              value={count}
              onChange={(e) => setCount(Math.min(1000, Math.max(1, Number(e.target.value) || 1)))}
              className="number-input"
            />
          </label>
        )}
        <button type="submit" className="button button-primary" disabled={running}>
          {running ? 'Rendering…' : 'Run batch'}
        </button>
        {running && progress && progress.total > 0 && (
          <span className="small" role="status" data-testid="batch-progress">
            <progress max={progress.total} value={progress.done} aria-label="Rendering users" />{' '}
            <span className="muted">
              {progress.done.toLocaleString('en-US')} of {progress.total.toLocaleString('en-US')}{' '}
              users
            </span>
          </span>
        )}
        {batch && !running && (
          <span className="muted small" data-testid="batch-summary">
            {batch.totals.users} user{batch.totals.users === 1 ? '' : 's'} ·{' '}
            <strong className={batch.totals.failing ? 'tone-error' : 'tone-ok'}>
              {batch.totals.failing} failing
            </strong>{' '}
            · {batch.totals.aborted} aborted · {batch.totals.error} errors, {batch.totals.warning}{' '}
            warnings · {batch.durationMs.toFixed(0)} ms
            {batch.seed !== null && ` · seed ${batch.seed}`}
          </span>
        )}
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!batch ? (
        <p className="muted">
          Render this template for a whole set of users to see who fails lint and why: quotes in
          names, missing emails and empty attributes break bodies that look fine for one user.
        </p>
      ) : batch.rows.length === 0 ? (
        <p className="muted">
          No users in this set yet. Import a JSON or CSV file, load a user from Braze, or save a
          custom or random user above.
        </p>
      ) : (
        <div className="batch-table-wrap">
          {batch.commonProblems.length > 0 && (
            <p className="muted small" data-testid="batch-common">
              Every user also has the template’s own {batch.commonProblems.length} problem
              {batch.commonProblems.length === 1 ? '' : 's'} (first:{' '}
              {batch.commonProblems[0]?.message}); Lint lists them all. The rows show what differs
              per user.
            </p>
          )}
          {batch.totals.failing > 0 && batch.totals.failing < batch.rows.length && (
            <label className="checkbox small">
              <input
                type="checkbox"
                checked={failingOnly}
                onChange={(e) => {
                  setFailingOnly(e.target.checked)
                  setShown(ROWS_SHOWN)
                }}
              />{' '}
              Failing users only ({batch.totals.failing.toLocaleString('en-US')})
            </label>
          )}
          <table className="table batch-table" data-testid="batch-rows">
            <thead>
              <tr>
                <th>User</th>
                <th>Result</th>
                <th className="num">Errors</th>
                <th className="num">Warnings</th>
                <th className="num">Info</th>
                <th>This user’s own problems</th>
              </tr>
            </thead>
            <tbody>
              {listed.slice(0, shown).map((row) => (
                <tr
                  key={row.userId}
                  className={row.userId === userId ? 'row-selected' : undefined}
                  onClick={() => preview(row)}
                >
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={(e) => {
                        e.stopPropagation()
                        preview(row)
                      }}
                      title="Preview for this user"
                    >
                      {row.label}
                    </button>
                  </td>
                  <td>{resultBadge(row)}</td>
                  <td className="num">{row.counts.error}</td>
                  <td className="num">{row.counts.warning}</td>
                  <td className="num">{row.counts.info}</td>
                  <td className="batch-problems">
                    {row.aborted !== null ? (
                      <span>abort_message: {row.aborted || '(no reason)'}</span>
                    ) : row.problems.length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      <ul>
                        {row.problems.map((p, index) => (
                          <li key={index}>
                            <span className={`sev sev-${p.severity}`}>{p.severity}</span>{' '}
                            {p.line !== null && (
                              <span className="muted">
                                {p.line}:{p.column ?? 1}
                              </span>
                            )}{' '}
                            {p.message}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {listed.length > shown && (
            <p className="small muted" data-testid="batch-more">
              Showing {shown.toLocaleString('en-US')} of {listed.length.toLocaleString('en-US')}{' '}
              users ·{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => setShown((n) => n + ROWS_SHOWN)}
              >
                Show {Math.min(ROWS_SHOWN, listed.length - shown)} more
              </button>{' '}
              ·{' '}
              <button type="button" className="link-button" onClick={() => setShown(listed.length)}>
                Show all
              </button>
            </p>
          )}
        </div>
      )}
    </section>
  )
}
