import { performance } from 'node:perf_hooks'
import type { LintTarget, LintTargetId, RenderResult } from '../../../shared/contract/compose'
import type { Problem } from '../../../shared/contract/problems'
import type { BrazeUserProfile } from '../../../shared/contract/users'
import type { RenderInput } from './render-input'
import { TemplateCompiler, type CompiledTemplate } from './compile'
import { OutputLocator } from './lint/output-locator'
import { lintSubject, lintTargets, noTraceProblem } from './lint/lint-subject'
import { hasErrors, sortProblems } from './problem'
import { renderCompiled, type RenderedPiece } from './render-compiled'
import { DEFAULT_RENDER_LIMITS, type RenderBudget, type RenderLimits } from './render-limits'
import type { ConnectedContentFetch } from './runtime'

export interface BrazeLiquidOptions {
  /** The clock for `'now'` when a render gives no time. */
  clock?: () => Date
  /** Live Connected Content; used only by renders that ask for it (`connectedContent.live`). */
  fetch?: ConnectedContentFetch
  /** How many parsed templates to keep. */
  cacheSize?: number
  /** Limits of every render that does not bring its own (RenderInput.limits). */
  limits?: RenderLimits
}

/** A render request as core takes it: the same as the API's, with `now` as a Date. */
export type { RenderInput } from './render-input'

interface Trace {
  body: RenderedPiece
  user: BrazeUserProfile
  now: Date
}

/**
 * A render result that remembers how it was made, for lint positions. The trace is a private
 * field: JSON, the API and structural comparisons see a plain RenderResult.
 */
class TracedResult implements RenderResult {
  readonly #trace: Trace

  constructor(
    readonly output: string,
    readonly aborted: RenderResult['aborted'],
    readonly problems: Problem[],
    readonly headers: Record<string, string>,
    readonly connectedContent: RenderResult['connectedContent'],
    readonly messageExtras: RenderResult['messageExtras'],
    trace: Trace,
  ) {
    this.#trace = trace
  }

  static traceOf(result: RenderResult): Trace | undefined {
    return result instanceof TracedResult ? result.#trace : undefined
  }
}

/**
 * Braze's Liquid dialect for previews: renders a template for one user, reports every problem
 * at the user's own line and column, and lints the result for a target such as Zendesk.
 * Parsed templates are cached by source, so rendering a batch of users parses once.
 */
export class BrazeLiquid {
  private readonly compiler: TemplateCompiler
  private readonly clock: () => Date
  private readonly fetch: ConnectedContentFetch | undefined
  private readonly limits: RenderLimits

  constructor(options: BrazeLiquidOptions = {}) {
    this.compiler = new TemplateCompiler(options.cacheSize)
    this.clock = options.clock ?? (() => new Date())
    this.fetch = options.fetch
    this.limits = options.limits ?? DEFAULT_RENDER_LIMITS
  }

  /** Problems of a template alone, without rendering (for as-you-type checks). */
  check(template: string): Problem[] {
    return [...this.compiler.compile(template).problems]
  }

  targets(): LintTarget[] {
    return lintTargets()
  }

  /** Renders (and lints, with `target`); live Connected Content calls happen only here. */
  async render(input: RenderInput): Promise<RenderResult> {
    const live = input.connectedContent?.live === true && this.fetch !== undefined
    if (!live) return this.renderSync(input)
    const now = input.now ?? this.clock()
    const settings = {
      input,
      user: input.user,
      now,
      fetch: this.fetch ?? null,
      budget: this.budget(input),
    }
    const body = await renderCompiled(
      this.compiler,
      this.compiler.compile(input.template),
      settings,
    )
    const headers: Array<[string, RenderedPiece]> = []
    for (const [name, template] of Object.entries(input.headers ?? {})) {
      headers.push([
        name,
        await renderCompiled(this.compiler, this.compiler.compile(template), settings),
      ])
    }
    return this.assemble(input, input.user, now, body, headers)
  }

  /** The same without live calls: Connected Content is answered from canned responses only. */
  renderSync(input: RenderInput): RenderResult {
    return this.renderParsed(
      input,
      input.user,
      this.compiler.compile(input.template),
      this.headerTemplates(input),
    )
  }

  /**
   * One result per user, lazily (e.g. to stream NDJSON): the template and headers are parsed
   * once for the whole batch. Synchronous, so without live Connected Content.
   */
  *renderEach(
    input: Omit<RenderInput, 'user'>,
    users: Iterable<BrazeUserProfile>,
  ): Generator<RenderResult> {
    const body = this.compiler.compile(input.template)
    const headers = this.headerTemplates(input)
    for (const user of users) yield this.renderParsed(input, user, body, headers)
  }

  private headerTemplates(input: Omit<RenderInput, 'user'>): Array<[string, CompiledTemplate]> {
    const headers = input.headers
    if (!headers) return []
    return Object.keys(headers).map((name) => [name, this.compiler.compile(headers[name] ?? '')])
  }

  private renderParsed(
    input: Omit<RenderInput, 'user'>,
    user: BrazeUserProfile,
    body: CompiledTemplate,
    headers: Array<[string, CompiledTemplate]>,
  ): RenderResult {
    const now = input.now ?? this.clock()
    const settings = { input, user, now, fetch: null, budget: this.budget(input) }
    // No live calls, so renderCompiled answers synchronously.
    const piece = renderCompiled(this.compiler, body, settings) as RenderedPiece
    const headerPieces: Array<[string, RenderedPiece]> = []
    for (const [name, compiled] of headers)
      headerPieces.push([name, renderCompiled(this.compiler, compiled, settings) as RenderedPiece])
    return this.assemble(input, user, now, piece, headerPieces)
  }

  /** One deadline for the body and the headers of a render, starting now. */
  private budget(input: Omit<RenderInput, 'user'>): RenderBudget {
    const limits = input.limits ?? this.limits
    return { limits, deadline: performance.now() + limits.timeMs, pieces: 0 }
  }

  /**
   * Problems of a rendered result for a target. Positions need the result object render()
   * returned; a copy (e.g. from JSON) is linted without them.
   */
  lint(target: LintTargetId, rendered: RenderResult, now?: Date): Problem[] {
    const trace = TracedResult.traceOf(rendered)
    const compiled = trace?.body.compiled ?? null
    const subject = {
      output: rendered.output,
      compiled,
      locator: new OutputLocator(rendered.output, compiled, trace?.body.segments ?? []),
      user: trace?.user ?? null,
      headers: rendered.headers,
      now: now ?? trace?.now ?? this.clock(),
    }
    return [...(trace ? [] : [noTraceProblem()]), ...lintSubject(target, subject)]
  }

  /**
   * Which template position wrote output character `offset` of a result render() returned;
   * null for copies without a trace. Used to place answers from Zendesk (422 details) in the
   * template the user wrote.
   */
  templatePositionOf(
    rendered: RenderResult,
    offset: number,
  ): { line: number; column: number } | null {
    const trace = TracedResult.traceOf(rendered)
    if (!trace) return null
    return new OutputLocator(
      rendered.output,
      trace.body.compiled,
      trace.body.segments,
    ).templatePosition(offset)
  }

  private assemble(
    input: Omit<RenderInput, 'user'>,
    user: BrazeUserProfile,
    now: Date,
    body: RenderedPiece,
    headerPieces: Array<[string, RenderedPiece]>,
  ): RenderResult {
    const headers: Record<string, string> = {}
    const problems = body.problems
    let aborted = body.aborted
    for (const [name, piece] of headerPieces) {
      headers[name] = piece.output.trim()
      for (const p of piece.problems) problems.push({ ...p, source: `header:${name}` })
      aborted ??= piece.aborted
    }
    const result = new TracedResult(
      aborted ? '' : body.output,
      aborted ? { reason: aborted.reason } : null,
      problems,
      headers,
      body.calls,
      body.messageExtras,
      { body, user, now },
    )
    if (input.target && !aborted && !hasErrors(problems)) {
      problems.push(...this.lint(input.target, result, now))
    }
    sortProblems(problems)
    return result
  }
}

export function createBrazeLiquid(options: BrazeLiquidOptions = {}): BrazeLiquid {
  return new BrazeLiquid(options)
}
