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

const RANK = { error: 0, warning: 1, info: 2 } as const

function compareProblems(a: Problem, b: Problem): number {
  return (
    (a.line ?? Infinity) - (b.line ?? Infinity) ||
    (a.column ?? Infinity) - (b.column ?? Infinity) ||
    RANK[a.severity] - RANK[b.severity]
  )
}

/** In reading order; problems without a position last; errors before warnings at a place. */
export function sortProblems(problems: Problem[]): Problem[] {
  // Most lists arrive in order (a batch renders the same template again and again).
  for (let i = 1; i < problems.length; i++) {
    if (compareProblems(problems[i - 1]!, problems[i]!) > 0) return problems.sort(compareProblems)
  }
  return problems
}
