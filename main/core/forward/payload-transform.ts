import { Liquid, LiquidError, type Template } from 'liquidjs'
import { isRecord } from '../../../shared/is-record'
import { JsonLocator } from '../../../shared/json-locate'

export interface TransformResult {
  /** The rendered body; null when the template or the payload could not be used. */
  body: string | null
  /** What went wrong, with the template line where liquidjs knows it. */
  error: { message: string; line: number | null; column: number | null } | null
}

/**
 * The route's transform: a Liquid template that turns what Zendesk sent (an event-subscription
 * webhook's fixed payload, say) into a `/users/track` body.
 *
 * Plain Liquid (liquidjs with its standard filters), not Bridgebench's Braze dialect: the
 * variables here are the webhook's JSON, not a Braze user, and nothing in production runs this
 * template — Braze's dialect would add its own namespaces, `${…}` rewriting and Ruby-style
 * printing that mean nothing for a payload. The standard `json` filter writes any value as
 * valid JSON (`"external_id": {{ detail.requester_id | json }}`). Top-level keys of the payload
 * are variables; `payload` is the whole of it. No file system; parse, render and memory limits
 * keep one template from holding the receiver.
 */
export class PayloadTransform {
  private readonly liquid = new Liquid({
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    templates: {},
    parseLimit: 200_000,
    renderLimit: 1_000,
    memoryLimit: 64 * 1024 * 1024,
  })
  private readonly parsed = new Map<string, Template[]>()

  render(template: string, capturedBody: string): TransformResult {
    let payload: unknown
    try {
      payload = JSON.parse(capturedBody)
    } catch {
      return failed(
        'The captured body is not JSON, so the transform has no payload to read: turn the transform off for this route, or send JSON.',
      )
    }
    let templates: Template[]
    try {
      templates = this.parse(template)
    } catch (error) {
      return liquidFailure('The transform template does not parse', error)
    }
    const scope = { ...(isRecord(payload) ? payload : {}), payload }
    let body: string
    try {
      body = this.liquid.renderSync(templates, scope) as string
    } catch (error) {
      return liquidFailure('The transform failed while rendering', error)
    }
    try {
      JSON.parse(body)
    } catch (error) {
      const place = jsonErrorPlace(body, error)
      return failed(
        `The transform's output is not valid JSON${place ? ` (output line ${place.line}, column ${place.column})` : ''}: write values with the json filter, e.g. {{ detail.id | json }}.`,
      )
    }
    return { body, error: null }
  }

  private parse(template: string): Template[] {
    let templates = this.parsed.get(template)
    if (!templates) {
      templates = this.liquid.parse(template)
      if (this.parsed.size >= 50) this.parsed.clear()
      this.parsed.set(template, templates)
    }
    return templates
  }
}

function failed(message: string): TransformResult {
  return { body: null, error: { message, line: null, column: null } }
}

function liquidFailure(what: string, error: unknown): TransformResult {
  const message = error instanceof Error ? error.message : String(error)
  const token = LiquidError.is(error) ? error.token : undefined
  const [line, column] = token ? token.getPosition() : [null, null]
  return { body: null, error: { message: `${what}: ${message}`, line, column } }
}

/** V8's JSON.parse names a position ("at position 12"); turned into a line and column. */
function jsonErrorPlace(text: string, error: unknown) {
  const match = /position (\d+)/.exec(error instanceof Error ? error.message : '')
  return match ? new JsonLocator(text).place(Number(match[1])) : null
}
