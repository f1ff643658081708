import type { RenderResult } from '../../../shared/contract/compose'
import type { Problem } from '../../../shared/contract/problems'
import type { RenderInput } from '../liquid/render-input'

export interface RenderedUntilError {
  /** The body rendered from the start of the template up to the first error. */
  text: string
  line: number
  column: number
}

/**
 * A template with an error renders nothing (Braze would send nothing), which leaves the
 * preview blank just when the user needs to see where they are. This renders the template up
 * to its first placed error, so the preview can show the body so far. Null when there is no
 * placed error, or the part before it does not render on its own (a block opened earlier).
 */
export async function renderUntilError(
  render: (input: RenderInput) => RenderResult | Promise<RenderResult>,
  input: RenderInput,
  result: RenderResult,
): Promise<RenderedUntilError | null> {
  // A body that rendered is shown whole; only Liquid errors leave it empty.
  if (result.output !== '' || result.aborted) return null
  const first = firstPlacedError(result.problems)
  if (!first) return null
  const offset = offsetOf(input.template, first.line, first.column)
  if (offset <= 0) return null
  const { target: _noLint, ...rest } = input
  const before = await render({ ...rest, template: input.template.slice(0, offset) })
  if (before.aborted || before.problems.some((p) => p.severity === 'error')) return null
  return { text: before.output, line: first.line, column: first.column }
}

function firstPlacedError(
  problems: readonly Problem[],
): { line: number; column: number } | undefined {
  let first: { line: number; column: number } | undefined
  for (const p of problems) {
    if (p.severity !== 'error' || p.line === null || p.source?.startsWith('header:')) continue
    const column = p.column ?? 1
    if (!first || p.line < first.line || (p.line === first.line && column < first.column))
      first = { line: p.line, column }
  }
  return first
}

/** 1-based line and column (UTF-16 units, as problems count them) to an offset. */
function offsetOf(text: string, line: number, column: number): number {
  let start = 0
  for (let l = 1; l < line; l++) {
    const newline = text.indexOf('\n', start)
    if (newline < 0) return text.length
    start = newline + 1
  }
  return Math.min(start + column - 1, text.length)
}
