import { performance } from 'node:perf_hooks'
import {
  LiquidError,
  RenderError,
  TokenKind,
  type Context,
  type Emitter,
  type Liquid,
  type Template,
} from 'liquidjs'
import { writeDirectly } from './direct-output'
import { PIECE_MEMORY_ITEMS, RenderLimitExceeded, type RenderBudget } from './render-limits'
import { formatForOutput } from './ruby-output'
import { runtimeOf } from './runtime'

/**
 * Which template piece wrote which part of the output, so a problem found in the rendered
 * text (invalid JSON, an unescaped quote) can point at the `{{ }}` or text that produced it.
 */

export type SegmentKind = 'text' | 'output' | 'tag'

export interface Segment {
  /** Output range [start, end). */
  start: number
  end: number
  kind: SegmentKind
  /** The piece's range in the rewritten code. */
  codeBegin: number
  codeEnd: number
  /** For text: where the written text starts in the code (after whitespace trimming). */
  textBegin: number
  /** No other piece wrote inside it: text, an output, or a tag that writes by itself. */
  leaf: boolean
}

/** Collects what it is given, printing values the way Braze does. */
export class PlainEmitter implements Emitter {
  buffer = ''

  write(html: unknown): void {
    this.buffer += typeof html === 'string' ? html : formatForOutput(html)
  }
}

/** The emitter of a top-level render: it also remembers which piece wrote what. */
export class TracingEmitter extends PlainEmitter {
  readonly segments: Segment[] = []

  record(start: number, template: Template, firstChild: number): void {
    const token = template.token
    const kind: SegmentKind =
      token.kind === TokenKind.HTML ? 'text' : token.kind === TokenKind.Output ? 'output' : 'tag'
    // An output that printed nothing is kept: "this value is empty" must point somewhere.
    if (this.buffer.length === start && kind !== 'output') return
    const trim = kind === 'text' ? ((token as { trimLeft?: number }).trimLeft ?? 0) : 0
    this.segments.push({
      start,
      end: this.buffer.length,
      kind,
      codeBegin: token.begin,
      codeEnd: token.end,
      textBegin: token.begin + trim,
      leaf: this.segments.length === firstChild,
    })
  }
}

/** The innermost piece that wrote the character at `offset`. */
export function segmentAt(segments: readonly Segment[], offset: number): Segment | undefined {
  let best: Segment | undefined
  for (const segment of segments) {
    if (offset < segment.start || offset >= segment.end) continue
    if (!best || segment.end - segment.start < best.end - best.start) best = segment
  }
  return best
}

/**
 * Replaces liquidjs's template loop with one that records segments for a TracingEmitter, prints
 * values as Braze does everywhere (captures included) and keeps the render within its limits:
 * time and output are checked before every piece, including each turn of an empty loop body
 * (this replaces liquidjs's own time check, which lived in the loop it replaces). Text and plain
 * outputs are written without liquidjs's generators (direct-output.ts).
 */
export function installTracing(liquid: Liquid): void {
  liquid.renderer.renderTemplates = function* renderTemplates(
    templates: Template[],
    ctx: Context,
    emitter?: Emitter,
  ): Generator<unknown, string, unknown> {
    const out = emitter ?? new PlainEmitter()
    const tracer = out instanceof TracingEmitter ? out : undefined
    const budget = runtimeOf(ctx)?.budget
    // An empty loop body renders nothing, but each turn of the loop still counts.
    if (budget && templates.length === 0) checkBudget(budget, out)
    for (const template of templates) {
      const start = out.buffer.length
      const firstChild = tracer?.segments.length ?? 0
      try {
        if (budget) checkBudget(budget, out)
        if (!writeDirectly(template, ctx, out)) {
          const html: unknown = yield template.render(ctx, out)
          if (html) out.write(html)
        }
      } catch (error) {
        throw LiquidError.is(error) ? error : new RenderError(error as Error, template)
      }
      if (tracer) {
        const before = tracer.segments.length
        tracer.record(start, template, firstChild)
        // Each recorded piece is kept until the render ends: it counts against memory.
        if (tracer.segments.length > before) ctx.memoryLimit.use(PIECE_MEMORY_ITEMS)
      }
      if (ctx.breakCalled || ctx.continueCalled) break
    }
    return out.buffer
  }
}

/** Pieces between two looks at the clock: reading it for every one costs a batch 10%. */
const PIECES_PER_CLOCK_READ = 16

function checkBudget(budget: RenderBudget, out: PlainEmitter): void {
  if (out.buffer.length > budget.limits.outputChars) throw new RenderLimitExceeded('output')
  if (++budget.pieces % PIECES_PER_CLOCK_READ === 0 && performance.now() > budget.deadline) {
    throw new RenderLimitExceeded('time')
  }
}
