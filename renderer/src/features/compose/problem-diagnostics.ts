import type { Diagnostic } from '@codemirror/lint'
import type { Text } from '@uiw/react-codemirror'
import type { Problem } from '../../../../shared/contract'

/** A 1-based line and column as a document offset, clamped to the document as it is now. */
export function offsetOf(doc: Text, line: number, column: number): number {
  const at = doc.line(Math.min(Math.max(line, 1), doc.lines))
  return Math.min(at.from + Math.max(column, 1) - 1, at.to)
}

/**
 * The body's problems as editor diagnostics, underlining from the problem's place to the end
 * of the word there. Header problems and problems without a place stay in the lint panel.
 */
export function problemDiagnostics(doc: Text, problems: readonly Problem[]): Diagnostic[] {
  return problems.flatMap((problem): Diagnostic[] => {
    if (problem.source !== undefined || problem.line === null) return []
    const from = offsetOf(doc, problem.line, problem.column ?? 1)
    const lineEnd = doc.lineAt(from).to
    const rest = doc.sliceString(from, lineEnd)
    const word = /^\S+/.exec(rest)?.[0].length ?? 0
    return [
      {
        from,
        to: Math.min(from + Math.max(word, 1), lineEnd),
        severity: problem.severity,
        message: `${problem.message} ${problem.fix}`,
        source: problem.code,
      },
    ]
  })
}
