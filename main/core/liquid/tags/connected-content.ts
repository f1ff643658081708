import {
  Tag,
  type Context,
  type Emitter,
  type Liquid,
  type Parser,
  type TagToken,
  type Template,
  type TopLevelToken,
} from 'liquidjs'
import {
  MessageAborted,
  report,
  runtimeOf,
  type CodePlace,
  type InboundResponse,
  type RenderRuntime,
} from '../runtime'
import { parseConnectedContentMarkup } from './connected-content-markup'
import {
  cannedFor,
  parseResponse,
  planRequest,
  type RequestPlan,
} from './connected-content-request'
import { markupStart, parseRange, renderToText } from './markup-template'

/**
 * `{% connected_content URL [options] %}` (braze.md §2.3). A preview never calls out on its own:
 * it answers from the caller's canned responses, calls live only when the caller allowed it
 * (and injected a fetch), and otherwise records what Braze would have requested.
 */
export class ConnectedContentTag extends Tag {
  private readonly url: Template[]
  private readonly options: Array<{ name: string; at: number; value: Template[] | null }>

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remainTokens, liquid)
    const markup = parseConnectedContentMarkup(
      token.input,
      markupStart(token),
      token.contentRange[1],
    )
    this.url = parseRange(liquid, parser, token.input, markup.url.start, markup.url.end)
    this.options = markup.options.map((option) => ({
      name: option.name,
      at: option.at,
      value: option.value
        ? parseRange(liquid, parser, token.input, option.value.start, option.value.end)
        : null,
    }))
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const runtime = runtimeOf(ctx)
    const place: CodePlace = { input: this.token.input, offset: this.token.begin }
    const url = (yield* renderToText(this.liquid, this.url, ctx)).trim()
    const rendered = new Map<string, string | null>()
    for (const option of this.options) {
      if (!KNOWN.has(option.name)) {
        report(ctx, {
          severity: 'warning',
          code: 'connected-content-option',
          message: `:${option.name} is not a Connected Content option Braze documents.`,
          fix: `Known options: ${[...KNOWN].map((o) => `:${o}`).join(' ')}.`,
          place: { input: this.token.input, offset: option.at },
        })
      }
      rendered.set(
        option.name,
        option.value ? yield* renderToText(this.liquid, option.value, ctx) : null,
      )
    }
    const plan = planRequest(url, rendered)
    for (const finding of plan.findings) report(ctx, { ...finding, place })
    if (!runtime) return
    const answer: { response?: InboundResponse; failure?: string; live: boolean } = { live: false }
    const canned = cannedFor(url, runtime.responses)
    if (canned) answer.response = canned
    else if (runtime.fetch) {
      answer.live = true
      try {
        answer.response = (yield runtime.fetch(plan.request)) as InboundResponse
      } catch (error) {
        answer.failure = error instanceof Error ? error.message : String(error)
      }
    }
    this.record(runtime, ctx, plan, answer, place)
    if (answer.response) yield* this.apply(ctx, emitter, plan, answer.response, place)
  }

  private record(
    runtime: RenderRuntime,
    ctx: Context,
    plan: RequestPlan,
    answer: { response?: InboundResponse; failure?: string; live: boolean },
    place: CodePlace,
  ): void {
    const { url, method } = plan.request
    const saved = plan.options.save ? ` (:save ${plan.options.save})` : ''
    let outcome: 'not-called' | 'canned' | 'live' | 'failed' = 'not-called'
    let note = `Not called in this preview: Braze would ${method} ${url}${saved}.`
    if (answer.failure !== undefined) {
      outcome = 'failed'
      note = `The live call failed: ${answer.failure}. Braze inserts nothing when a call fails or takes over 2 seconds.`
    } else if (answer.response) {
      outcome = answer.live ? 'live' : 'canned'
      note = `${answer.live ? 'Called live' : 'Answered from the canned response'}: HTTP ${answer.response.status}${saved}.`
    }
    runtime.calls.push({
      url,
      options: plan.options,
      outcome,
      status: answer.response?.status ?? null,
      note,
      place,
    })
    if (outcome === 'not-called') {
      report(ctx, {
        severity: 'info',
        code: 'connected-content-not-called',
        message: note,
        fix: 'Give a canned response for this URL, or allow live calls, to preview with data.',
        place,
      })
    } else if (outcome === 'failed') {
      report(ctx, {
        severity: 'warning',
        code: 'connected-content-failed',
        message: note,
        fix: 'Check the URL and that the service answers within 2 seconds.',
        place,
      })
    }
    if (plan.options.basicAuth) {
      report(ctx, {
        severity: 'info',
        code: 'connected-content-credential',
        message: `:basic_auth uses the Braze credential "${plan.options.basicAuth}", which a preview cannot read.`,
        fix: 'Make sure the credential exists under Settings > Connected Content; deleting it aborts these calls.',
        place,
      })
    }
  }

  private *apply(
    ctx: Context,
    emitter: Emitter,
    plan: RequestPlan,
    response: InboundResponse,
    place: CodePlace,
  ): Generator<unknown, void, unknown> {
    if (response.status >= 500 && plan.options.retry) {
      throw new MessageAborted(
        `Connected Content to ${plan.request.url} kept failing (HTTP ${response.status}); after 5 retries Braze aborts the message.`,
        place,
      )
    }
    if (response.status === 404) return
    let body = response.body
    if (plan.options.rerender && /\{\{|\{%/.test(body)) body = yield* this.rerender(ctx, body)
    const { json, isJson } = parseResponse({ ...response, body })
    if (plan.options.save) ctx.bottom()[plan.options.save] = isJson ? json : body
    else if (isJson) ctx.bottom().connected = json
    else emitter.write(body)
  }

  /** `:rerender`: Liquid inside the response is rendered once, in the message's scope. */
  private *rerender(ctx: Context, body: string): Generator<unknown, string, unknown> {
    const runtime = runtimeOf(ctx)
    const compiled = runtime?.compile(body, 'the Connected Content response')
    if (!compiled?.templates) {
      if (compiled?.failure) throw new Error(compiled.failure)
      return body
    }
    return yield* renderToText(this.liquid, compiled.templates, ctx)
  }
}

const KNOWN = new Set([
  'save',
  'method',
  'body',
  'headers',
  'content_type',
  'basic_auth',
  'cache_max_age',
  'cache',
  'no_cache',
  'retry',
  'rerender',
])
