import type { Context, Template } from 'liquidjs'
import type {
  CannedResponse,
  ConnectedContentCall,
  MessageExtra,
  StandIns,
} from '../../../shared/contract/compose'
import type { ProblemSeverity } from '../../../shared/contract/problems'
import type { RenderBudget } from './render-limits'
import type { Position } from './source-map'

/** What one render collects besides its output; tags and filters reach it through the context. */

export interface OutboundRequest {
  url: string
  method: 'GET' | 'POST'
  headers: Record<string, string>
  body: string | null
}

export interface InboundResponse {
  status: number
  headers: Record<string, string>
  body: string
}

/** Performs a live Connected Content call; injected so previews never reach the network unasked. */
export type ConnectedContentFetch = (request: OutboundRequest) => Promise<InboundResponse>

/** A place in some compiled code: `input` identifies which (the template, a content block, …). */
export interface CodePlace {
  input: string
  offset: number
}

export interface RuntimeProblem {
  severity: ProblemSeverity
  code: string
  message: string
  fix: string
  place: CodePlace | null
  /** A position in the template itself, for problems found outside the code (e.g. by name). */
  position?: Position | null
}

export type CallRecord = Omit<ConnectedContentCall, 'line' | 'column'> & { place: CodePlace | null }

export interface CompiledSource {
  templates: Template[] | null
  /** Why the source cannot render, already phrased for the user. */
  failure: string | null
}

export interface RenderRuntime {
  now: Date
  standIns: StandIns
  responses: Record<string, CannedResponse>
  /** Present only when the caller allowed live calls for this render. */
  fetch: ConnectedContentFetch | null
  problems: RuntimeProblem[]
  calls: CallRecord[]
  messageExtras: MessageExtra[]
  /** Checked before every piece the render writes (see render-trace.ts). */
  budget: RenderBudget
  /** Compiles dialect source met during rendering (content blocks, `:rerender` responses). */
  compile(source: string, label: string): CompiledSource
}

/** Thrown by `{% abort_message %}`; the render catches it and reports the abort. */
export class MessageAborted extends Error {
  constructor(
    readonly reason: string,
    readonly place: CodePlace | null,
  ) {
    super(`Message aborted: ${reason}`)
    this.name = 'MessageAborted'
  }
}

const REGISTER = 'bridgebench:runtime'

export function attachRuntime(ctx: Context, runtime: RenderRuntime): void {
  ctx.setRegister(REGISTER, runtime)
}

export function runtimeOf(ctx: Context): RenderRuntime | undefined {
  return ctx.getRegister<RenderRuntime | undefined>(REGISTER)
}

export function nowOf(ctx: Context): Date {
  return runtimeOf(ctx)?.now ?? new Date()
}

export function report(ctx: Context, problem: RuntimeProblem): void {
  const runtime = runtimeOf(ctx)
  if (!runtime) return
  const duplicate = runtime.problems.some(
    (p) =>
      p.code === problem.code &&
      p.message === problem.message &&
      p.place?.offset === problem.place?.offset,
  )
  if (!duplicate) runtime.problems.push(problem)
}
