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
import { formatForOutput } from './ruby-output'

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
 * Replaces liquidjs's template loop with one that records segments for a TracingEmitter and
 * prints values as Braze does everywhere (captures included); text and plain outputs are
 * written without liquidjs's generators (direct-output.ts).
 */
export function installTracing(liquid: Liquid): void {
  liquid.renderer.renderTemplates = function* renderTemplates(
    templates: Template[],
    ctx: Context,
    emitter?: Emitter,
  ): Generator<unknown, string, unknown> {
    const out = emitter ?? new PlainEmitter()
    const tracer = out instanceof TracingEmitter ? out : undefined
    for (const template of templates) {
      const start = out.buffer.length
      const firstChild = tracer?.segments.length ?? 0
      try {
        if (!writeDirectly(template, ctx, out)) {
          const html: unknown = yield template.render(ctx, out)
          if (html) out.write(html)
        }
      } catch (error) {
        throw LiquidError.is(error) ? error : new RenderError(error as Error, template)
      }
      tracer?.record(start, template, firstChild)
      if (ctx.breakCalled || ctx.continueCalled) break
    }
    return out.buffer
  }
}
