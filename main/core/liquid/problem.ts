import type { Problem, ProblemSeverity } from '../../../shared/contract/problems'
import type { Position } from './source-map'

/** Builds a problem; `at` null means the problem has no place in the template. */
export function problemAt(
  severity: ProblemSeverity,
  code: string,
  at: Position | null,
  message: string,
  fix: string,
): Problem {
  return { severity, code, message, line: at?.line ?? null, column: at?.column ?? null, fix }
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error')
}

/** In reading order; problems without a position last; errors before warnings at a place. */
export function sortProblems(problems: Problem[]): Problem[] {
  const rank = { error: 0, warning: 1, info: 2 } as const
  return problems.sort(
    (a, b) =>
      (a.line ?? Infinity) - (b.line ?? Infinity) ||
      (a.column ?? Infinity) - (b.column ?? Infinity) ||
      rank[a.severity] - rank[b.severity],
  )
}
