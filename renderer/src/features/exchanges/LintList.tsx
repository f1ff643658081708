import type { LintReport, TrackLintProblem } from '../../../../shared/contract'

const place = (p: TrackLintProblem) =>
  [
    p.at ? `body ${p.at.line}:${p.at.column}` : null,
    p.templateAt ? `template ${p.templateAt.line}:${p.templateAt.column}` : null,
  ]
    .filter(Boolean)
    .join(' · ')

/** The pre-flight lint's problems, each at its place in the body and in the template. */
export function LintList({ report }: { report: LintReport }) {
  if (report.problems.length === 0)
    return (
      <p className="muted" data-testid="lint-clean">
        The pre-flight lint found nothing: the body is a well-formed /users/track request.
      </p>
    )
  return (
    <>
      {report.blocked && (
        <p className="callout callout-warning" role="status">
          Strict lint: these problems stopped the forward; nothing was sent to Braze.
        </p>
      )}
      {report.template && (
        <p className="muted small">
          Template lines are in the {report.template.kind} template “{report.template.name}”.
        </p>
      )}
      <ul className="lint-problems" data-testid="lint-problems">
        {report.problems.map((p, i) => (
          <li key={`${p.code}:${p.pointer}:${i}`} className={`lint-${p.severity}`}>
            <span className={`badge badge-${p.severity === 'error' ? 'error' : 'warning'}`}>
              {p.severity}
            </span>{' '}
            <code>{p.path || '(the body)'}</code> {p.message}
            <div className="muted small">
              {p.fix}
              {place(p) && ` — ${place(p)}`}
            </div>
          </li>
        ))}
      </ul>
    </>
  )
}
