import type { CompiledTemplate } from '../compile'
import { segmentAt, type Segment } from '../render-trace'
import type { Position } from '../source-map'

/**
 * Answers "which part of the template produced this character of the output?": text maps to
 * the exact character, a `{{ }}` or tag to where it starts.
 */
export class OutputLocator {
  constructor(
    readonly output: string,
    readonly compiled: CompiledTemplate | null,
    readonly segments: readonly Segment[],
  ) {}

  segmentAt(offset: number): Segment | undefined {
    return segmentAt(this.segments, offset)
  }

  /** The template position that wrote output `offset`, or null if unknown. */
  templatePosition(offset: number): Position | null {
    const compiled = this.compiled
    const segment = this.segmentAt(Math.min(offset, Math.max(this.output.length - 1, 0)))
    if (!compiled || !segment) return null
    return this.codePosition(segment, offset)
  }

  /** The `{{ }}` that printed nothing just before `offset` (blanks aside), if any. */
  emptyOutputBefore(offset: number): Position | null {
    const empty = this.segments.findLast(
      (s) =>
        s.kind === 'output' &&
        s.start === s.end &&
        s.start <= offset &&
        this.output.slice(s.start, offset).trim() === '',
    )
    return empty ? this.codePosition(empty, empty.start) : null
  }

  private codePosition(segment: Segment, offset: number): Position | null {
    const compiled = this.compiled
    if (!compiled) return null
    const code =
      segment.kind === 'text' ? segment.textBegin + (offset - segment.start) : segment.codeBegin
    return compiled.lines.position(compiled.map.toOriginal(code))
  }

  /** The template text of a piece, e.g. `{{${first_name}}}`. */
  pieceSource(segment: Segment): string {
    const compiled = this.compiled
    if (!compiled) return ''
    const start = compiled.map.toOriginal(segment.codeBegin)
    const end = compiled.map.toOriginal(segment.codeEnd - 1) + 1
    return compiled.source.slice(start, end)
  }

  /** Outputs and tags that wrote by themselves: where values, rather than template text, went. */
  valuePieces(): Segment[] {
    return this.leaves().filter((s) => s.kind !== 'text')
  }

  /** Pieces that wrote the output, in order; anything no piece claims is a gap piece. */
  leaves(): Segment[] {
    const leaves: Segment[] = []
    let p = 0
    for (const segment of this.segments) {
      if (!segment.leaf) continue
      if (segment.start > p) leaves.push(gap(p, segment.start))
      leaves.push(segment)
      p = Math.max(p, segment.end)
    }
    if (p < this.output.length) leaves.push(gap(p, this.output.length))
    return leaves
  }
}

/** Output no piece claims (not expected): treated as a value, never as template text. */
function gap(start: number, end: number): Segment {
  return { start, end, kind: 'tag', codeBegin: 0, codeEnd: 0, textBegin: 0, leaf: true }
}
