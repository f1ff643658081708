import type { Problem } from '../../../../shared/contract'

/** Problems of one render, each a button that moves the cursor to its template line. */
export function TriggerProblems({
  problems,
  onJump,
  testId,
}: {
  problems: readonly Problem[]
  onJump: (problem: Problem) => void
  testId: string
}) {
  if (problems.length === 0)
    return (
      <p className="tone-ok" data-testid={testId}>
        No problems for this ticket.
      </p>
    )
  return (
    <ul className="problem-list" data-testid={testId}>
      {problems.map((problem, index) => (
        <li key={`${problem.code}-${index}`}>
          <button type="button" className="link-button" onClick={() => onJump(problem)}>
            <span className={`badge badge-${problem.severity}`}>{problem.severity}</span>{' '}
            {problem.line === null ? 'Whole body' : `Ln ${problem.line}`}: {problem.message}
          </button>
          <div className="muted small">{problem.fix}</div>
        </li>
      ))}
    </ul>
  )
}
