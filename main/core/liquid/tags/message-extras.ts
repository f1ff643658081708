import {
  Tag,
  type Context,
  type Liquid,
  type Parser,
  type TagToken,
  type Template,
  type TopLevelToken,
} from 'liquidjs'
import { report, runtimeOf } from '../runtime'
import { markupStart, parseRange, renderToText } from './markup-template'

// The value may render empty (a capture of a promotion code the preview has no list for).
const PAIR = /^:key\s+([\s\S]*?)\s+:value(?:\s+([\s\S]*))?$/
const LIMIT_BYTES = 1024

/**
 * `{% message_extras :key K :value V %}` prints nothing and attaches K=V to the send event
 * (braze.md §2.3): trimmed strings, `:key` before `:value`, first key wins, 1 KB in all.
 */
export class MessageExtrasTag extends Tag {
  private readonly markup: Template[]

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remainTokens, liquid)
    this.markup = parseRange(liquid, parser, token.input, markupStart(token), token.contentRange[1])
  }

  *render(ctx: Context): Generator<unknown, void, unknown> {
    const text = (yield* renderToText(this.liquid, this.markup, ctx)).trim()
    const place = { input: this.token.input, offset: this.token.begin }
    const match = PAIR.exec(text)
    if (!match) {
      report(ctx, {
        severity: 'error',
        code: 'message-extras-syntax',
        message: 'message_extras needs :key then :value, in that order.',
        fix: 'Write {% message_extras :key name :value {{value}} %}.',
        place,
      })
      return
    }
    const extras = runtimeOf(ctx)?.messageExtras
    const key = (match[1] ?? '').trim()
    const value = (match[2] ?? '').trim()
    if (!extras || extras.some((e) => e.key === key)) return
    extras.push({ key, value })
    if (value === '') {
      report(ctx, {
        severity: 'warning',
        code: 'message-extras-empty',
        message: `message_extras "${key}" has an empty value in this preview.`,
        fix: 'Check that what the value prints (a capture, a promotion code, an attribute) has data for this user.',
        place,
      })
    }
    const size = extras.reduce(
      (sum, e) => sum + Buffer.byteLength(e.key) + Buffer.byteLength(e.value),
      0,
    )
    if (size > LIMIT_BYTES) {
      report(ctx, {
        severity: 'warning',
        code: 'message-extras-size',
        message: `message_extras hold ${size} bytes; Braze truncates beyond 1 KB.`,
        fix: 'Send fewer or shorter keys and values.',
        place,
      })
    }
  }
}
