import type { LintTargetId, Problem, ProblemSeverity } from '../../../../shared/contract'
import { noProblemsText } from '../../../../shared/compose/lint-verdict'
import { useCompose } from './compose-store'
import { useLibrary } from './library-store'

const TONE: Record<ProblemSeverity, string> = { error: 'error', warning: 'warning', info: 'info' }

function where(problem: Problem): string {
  const place = problem.line === null ? '' : `Ln ${problem.line}, Col ${problem.column ?? 1}`
  if (problem.source?.startsWith('header:')) {
    return `Header ${problem.source.slice('header:'.length)}${place ? ` · ${place}` : ''}`
  }
  return place || 'Whole body'
}

export function severityCounts(problems: readonly Problem[]): Record<ProblemSeverity, number> {
  const counts = { error: 0, warning: 0, info: 0 }
  for (const p of problems) counts[p.severity]++
  return counts
}

/** What the body is linted for: saved with the template, so its author's choice travels with it. */
function LintTargetPicker() {
  const targets = useLibrary((s) => s.targets)
  const target = useCompose((s) => s.target)
  const setTarget = useCompose((s) => s.setTarget)
  return (
    <label className="inline-label lint-target">
      <span className="muted small">for</span>
      <select
        aria-label="Lint for"
        value={target ?? ''}
        onChange={(e) => setTarget(e.target.value === '' ? null : (e.target.value as LintTargetId))}
      >
        {targets.map((t) => (
          <option key={t.id} value={t.id}>
            {t.label}
          </option>
        ))}
        <option value="">Liquid only (no target)</option>
      </select>
    </label>
  )
}

/**
 * Everything wrong with the last render: Liquid errors, invalid JSON, Zendesk ticket-schema and
 * header problems. A problem with a place moves the cursor there.
 */
export function ProblemsPanel({ onJump }: { onJump: (problem: Problem) => void }) {
  const result = useCompose((s) => s.result)
  const userId = useCompose((s) => s.userId)
  const problems = result?.problems ?? []
  const counts = severityCounts(problems)
  return (
    <section className="lint" aria-labelledby="compose-problems">
      <div className="panel-title-row lint-head">
        <h2 id="compose-problems">Lint</h2>
        <LintTargetPicker />
        {result && (
          <span className="actions" data-testid="problem-counts">
            <span className={`badge badge-${counts.error ? 'error' : 'ok'}`}>
              {counts.error} error{counts.error === 1 ? '' : 's'}
            </span>
            {counts.warning > 0 && (
              <span className="badge badge-warning">
                {counts.warning} warning{counts.warning === 1 ? '' : 's'}
              </span>
            )}
            {counts.info > 0 && <span className="badge">{counts.info} info</span>}
          </span>
        )}
      </div>
      {!result ? (
        <p className="muted">
          {userId === null
            ? 'Pick a sample user: problems are found by rendering the template for someone.'
            : 'Problems appear here as you type.'}
        </p>
      ) : problems.length === 0 ? (
        <p
          className={result.lintedAs === 'zendesk-ticket' ? 'tone-ok' : 'muted'}
          data-testid="no-problems"
        >
          {noProblemsText(
            result.lintedAs,
            'lint for “Zendesk: create ticket” (beside Lint) to check it',
          )}
        </p>
      ) : (
        <ul className="problem-list" data-testid="problem-list">
          {problems.map((problem, index) => (
            <li key={`${problem.code}-${index}`}>
              <button
                type="button"
                className="problem"
                onClick={() => onJump(problem)}
                title={problem.line === null ? undefined : 'Show this place in the editor'}
              >
                <span className={`badge badge-${TONE[problem.severity]}`}>{problem.severity}</span>
                <span className="problem-where">{where(problem)}</span>
                <span className="problem-text">
                  {problem.message}
                  <span className="muted small problem-fix">{problem.fix}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
