import {
  Tokenizer,
  type Context,
  type Liquid,
  type Parser,
  type TagToken,
  type Template,
} from 'liquidjs'

/** An error inside a tag's markup, at an exact offset of the rewritten code. */
export class MarkupError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly fix = 'Check the tag at this position.',
  ) {
    super(message)
    this.name = 'MarkupError'
  }
}

/** Where a tag's markup (the text after its name) starts in the code. */
export function markupStart(token: TagToken): number {
  return token.contentRange[1] - token.args.length
}

/**
 * Parses part of the code as a template in place, so tokens keep their offsets and every error
 * inside a Braze tag's markup maps back to the user's text.
 */
export function parseRange(
  liquid: Liquid,
  parser: Parser,
  input: string,
  start: number,
  end: number,
): Template[] {
  const tokenizer = new Tokenizer(
    input,
    liquid.options.operators,
    undefined,
    [start, end],
    liquid.options.groupedExpressions,
  )
  return parser.parseTokens(tokenizer.readTopLevelTokens(liquid.options))
}

/** Renders parsed markup to text in the current scope. */
export function* renderToText(
  liquid: Liquid,
  templates: Template[],
  ctx: Context,
): Generator<unknown, string, unknown> {
  const text: unknown = yield liquid.renderer.renderTemplates(templates, ctx)
  return typeof text === 'string' ? text : ''
}

/** Skips a `{{ … }}` output in markup; returns the offset after it. */
export function skipOutput(input: string, start: number, end: number): number {
  const close = input.indexOf('}}', start + 2)
  return close < 0 || close + 2 > end ? end : close + 2
}
