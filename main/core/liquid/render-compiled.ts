import { Context, LiquidError, toPromise, toValueSync, type Template } from 'liquidjs'
import type { ConnectedContentCall, MessageExtra } from '../../../shared/contract/compose'
import type { Problem } from '../../../shared/contract/problems'
import { firstFailure, TemplateCompiler, type CompiledTemplate } from './compile'
import { liquidErrorProblem } from './liquid-errors'
import { problemAt } from './problem'
import type { RenderInput } from './render-input'
import { limitExceededBy, limitProblem, limitTokenOf, type RenderBudget } from './render-limits'
import { TracingEmitter, type Segment } from './render-trace'
import {
  attachRuntime,
  MessageAborted,
  report,
  runtimeOf,
  type CodePlace,
  type CompiledSource,
  type ConnectedContentFetch,
  type RenderRuntime,
} from './runtime'
import type { Position } from './source-map'
import { buildScope, emptyNamespaceNotes } from './user-scope'

export interface RenderSettings {
  input: Omit<RenderInput, 'now' | 'user'>
  user: RenderInput['user']
  now: Date
  /** Set only when live Connected Content is allowed: the render then runs asynchronously. */
  fetch: ConnectedContentFetch | null
  /** Shared by the body and the headers of one render: one deadline for all of them. */
  budget: RenderBudget
}

/** One rendered template (the body or a header) and everything it collected. */
export interface RenderedPiece {
  compiled: CompiledTemplate
  output: string
  aborted: { reason: string } | null
  problems: Problem[]
  calls: ConnectedContentCall[]
  messageExtras: MessageExtra[]
  segments: Segment[]
}

const MAX_BLOCK_DEPTH = 10

/**
 * What one render collects. A class rather than an object literal with closures: under
 * esbuild's keepNames (tsx, which `npm run bench` uses) every named closure made per render
 * costs a defineProperty, and renders run ten thousand to a batch.
 */
class PieceRuntime implements RenderRuntime {
  readonly now: Date
  readonly standIns: RenderRuntime['standIns']
  readonly responses: RenderRuntime['responses']
  readonly fetch: ConnectedContentFetch | null
  readonly problems: RenderRuntime['problems'] = []
  readonly calls: RenderRuntime['calls'] = []
  readonly messageExtras: MessageExtra[] = []
  readonly budget: RenderBudget

  constructor(
    private readonly compiler: TemplateCompiler,
    settings: RenderSettings,
  ) {
    this.now = settings.now
    this.standIns = settings.input.standIns ?? {}
    this.responses = settings.input.connectedContent?.responses ?? {}
    this.fetch = settings.fetch
    this.budget = settings.budget
  }

  compile(source: string, label: string): CompiledSource {
    const block = this.compiler.compile(source)
    return { templates: block.templates, failure: firstFailure(block, label) }
  }
}

/**
 * Renders synchronously unless live Connected Content is allowed, which needs the async path;
 * either way the same piece comes back.
 */
export function renderCompiled(
  compiler: TemplateCompiler,
  compiled: CompiledTemplate,
  settings: RenderSettings,
): RenderedPiece | Promise<RenderedPiece> {
  const piece: RenderedPiece = {
    compiled,
    output: '',
    aborted: null,
    problems: [...compiled.problems],
    calls: [],
    messageExtras: [],
    segments: [],
  }
  if (!compiled.templates) return piece
  const runtime = new PieceRuntime(compiler, settings)
  const scope = buildScope(
    settings.user,
    settings.input.context,
    compiled.scope,
    contentBlocks(compiler, compiled),
  )
  const ctx = new Context(
    scope,
    compiler.liquid.options,
    { sync: settings.fetch === null, memoryLimit: settings.budget.limits.memoryItems },
    { liquid: compiler.liquid },
  )
  attachRuntime(ctx, runtime)
  const emitter = new TracingEmitter()
  const work = compiler.liquid.renderer.renderTemplates(compiled.templates, ctx, emitter)
  if (settings.fetch) {
    return toPromise(work).then(
      () => collect(piece, runtime, emitter, settings, undefined),
      (error: unknown) => collect(piece, runtime, emitter, settings, error ?? renderFailed()),
    )
  }
  let failure: unknown
  try {
    toValueSync(work)
  } catch (error) {
    failure = error ?? renderFailed()
  }
  return collect(piece, runtime, emitter, settings, failure)
}

function renderFailed(): Error {
  return new Error('render failed')
}

/** Where a place in compiled code is in the template, when it is in this template's code. */
function locatePlace(compiled: CompiledTemplate, place: CodePlace | null): Position | null {
  return place?.input === compiled.code ? TemplateCompiler.locate(compiled, place.offset) : null
}

function collect(
  piece: RenderedPiece,
  runtime: RenderRuntime,
  emitter: TracingEmitter,
  settings: RenderSettings,
  error: unknown,
): RenderedPiece {
  const { compiled } = piece
  const context = settings.input.context
  const abort = error === undefined ? undefined : abortOf(error)
  const limit = error === undefined || abort ? undefined : limitExceededBy(error)
  if (error !== undefined) {
    if (limit) {
      const token = limitTokenOf(error)
      // A piece of a Content Block has offsets in the block's code, not the template's.
      const at = token ? locatePlace(compiled, { input: token.input, offset: token.begin }) : null
      piece.problems.push(limitProblem(limit, settings.budget.limits, at))
    } else if (abort) {
      piece.aborted = { reason: abort.reason }
      piece.problems.push(
        problemAt(
          'info',
          'message-aborted',
          locatePlace(compiled, abort.place),
          `abort_message ran: Braze would not send this message ("${abort.reason}").`,
          'Expected if this user should not get the message; otherwise check the condition that leads here.',
        ),
      )
    } else {
      piece.problems.push(
        liquidErrorProblem(error, (offset) => TemplateCompiler.locate(compiled, offset)),
      )
    }
  }
  // What a runaway wrote before it was stopped is megabytes of repetition: keep none of it.
  piece.output = limit ? '' : emitter.buffer
  piece.segments = limit ? [] : emitter.segments
  piece.messageExtras = runtime.messageExtras
  if (runtime.calls.length > 0) {
    piece.calls = runtime.calls.map(({ place, ...call }) => {
      const at = locatePlace(compiled, place)
      return { ...call, line: at?.line ?? null, column: at?.column ?? null }
    })
  }
  for (const p of runtime.problems) {
    piece.problems.push(
      problemAt(p.severity, p.code, p.position ?? locatePlace(compiled, p.place), p.message, p.fix),
    )
  }
  if (compiled.scope.messageReferences.length === 0) return piece
  for (const note of emptyNamespaceNotes(compiled.scope, context)) {
    const fix = `To preview with data, give the render a context with ${note.namespace}.`
    piece.problems.push(
      problemAt('info', 'namespace-empty', compiled.lines.position(note.start), note.message, fix),
    )
  }
  return piece
}

/** The abort behind an error, however deeply liquidjs wrapped it (a block inside a block, …). */
function abortOf(error: unknown): MessageAborted | undefined {
  let current = error
  for (let depth = 0; depth < 8 && current !== undefined; depth++) {
    if (current instanceof MessageAborted) return current
    current = LiquidError.is(current)
      ? (current as { originalError?: unknown }).originalError
      : undefined
  }
  return undefined
}

/**
 * `{{content_blocks.${name}}}` renders the caller's stand-in in the message's own scope, as
 * Braze includes blocks; a missing block renders empty with a warning at its reference.
 */
function contentBlocks(compiler: TemplateCompiler, compiled: CompiledTemplate) {
  let depth = 0
  return (name: string, ctx: Context): string => {
    const source = runtimeOf(ctx)?.standIns.contentBlocks?.[name]
    if (source === undefined) {
      const ref = compiled.references.find(
        (r) => r.namespace === 'content_blocks' && r.key === name,
      )
      report(ctx, {
        severity: 'warning',
        code: 'content-block-missing',
        message: `Content Block "${name}" was not supplied, so it renders empty in this preview.`,
        fix: `Add a stand-in for the Content Block "${name}".`,
        place: null,
        position: ref ? compiled.lines.position(ref.start) : null,
      })
      return ''
    }
    const block = compiler.compile(source)
    const failure = firstFailure(block, `Content Block "${name}"`)
    if (failure || !block.templates)
      throw new Error(failure ?? `Content Block "${name}" cannot be parsed.`)
    if (depth >= MAX_BLOCK_DEPTH)
      throw new Error(
        `Content Blocks nest deeper than ${MAX_BLOCK_DEPTH} levels (is "${name}" including itself?).`,
      )
    depth++
    try {
      return renderBlock(compiler, block.templates, ctx)
    } finally {
      depth--
    }
  }
}

function renderBlock(compiler: TemplateCompiler, templates: Template[], ctx: Context): string {
  const text: unknown = toValueSync(compiler.liquid.renderer.renderTemplates(templates, ctx))
  return typeof text === 'string' ? text : ''
}
