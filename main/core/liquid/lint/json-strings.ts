import type { Segment } from '../render-trace'
import { SourceMapBuilder, type SourceMap } from '../source-map'

/**
 * Finds values printed inside JSON strings that break them — a quote in a name, the newlines a
 * `capture` keeps — by reading the output's string structure with every printed value treated
 * as opaque (braze.md §8.11).
 */

export type Hazard = 'quote' | 'newline' | 'control' | 'backslash'

export interface UnsafeValue {
  segment: Segment
  hazards: Hazard[]
}

export function unsafeValuesInStrings(output: string, pieces: readonly Segment[]): UnsafeValue[] {
  const found: UnsafeValue[] = []
  let inString = false
  let escaped = false
  let p = 0
  for (const piece of pieces) {
    if (piece.start < p) continue
    for (; p < piece.start; p++)
      ({ inString, escaped } = step(output.charCodeAt(p), inString, escaped))
    if (inString && !escaped) {
      const hazards = hazardsIn(output.slice(piece.start, piece.end))
      if (hazards.length > 0) found.push({ segment: piece, hazards })
    }
    p = piece.end
  }
  return found
}

function step(
  code: number,
  inString: boolean,
  escaped: boolean,
): { inString: boolean; escaped: boolean } {
  if (!inString) return { inString: code === 34, escaped: false }
  if (escaped) return { inString, escaped: false }
  if (code === 92) return { inString, escaped: true }
  return { inString: code !== 34, escaped: false }
}

function hazardsIn(text: string): Hazard[] {
  const hazards = new Set<Hazard>()
  let escaped = false
  for (const char of text) {
    const code = char.charCodeAt(0)
    if (escaped) {
      if (!'"\\/bfnrtu'.includes(char)) hazards.add('backslash')
      escaped = false
    } else if (char === '\\') escaped = true
    else if (char === '"') hazards.add('quote')
    else if (char === '\n' || char === '\r') hazards.add('newline')
    else if (code < 0x20) hazards.add('control')
  }
  if (escaped) hazards.add('backslash')
  return [...hazards]
}

/**
 * The output as it would be with `json_escape` applied to the unsafe values and the given
 * ranges blanked out, so the ticket's fields can still be checked; offsets map back.
 */
export function repairedOutput(
  output: string,
  unsafe: readonly UnsafeValue[],
  blank: ReadonlyArray<{ start: number; end: number }>,
): { text: string; map: SourceMap } {
  const edits = [
    ...unsafe.map((u) => ({
      start: u.segment.start,
      end: u.segment.end,
      text: JSON.stringify(output.slice(u.segment.start, u.segment.end)).slice(1, -1),
    })),
    ...blank.map((b) => ({ start: b.start, end: b.end, text: ' '.repeat(b.end - b.start) })),
  ].sort((a, b) => a.start - b.start)
  const builder = new SourceMapBuilder(output)
  let p = 0
  for (const edit of edits) {
    if (edit.start < p) continue
    builder.copy(p, edit.start)
    builder.emit(edit.text, edit.start)
    p = edit.end
  }
  builder.copy(p, output.length)
  const { code, map } = builder.build()
  return { text: code, map }
}
