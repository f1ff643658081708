import {
  Tag,
  type Context,
  type Emitter,
  type Liquid,
  type TagToken,
  type TopLevelToken,
} from 'liquidjs'
import { MessageAborted, report, runtimeOf } from '../runtime'
import { MarkupError, markupStart } from './markup-template'

const FORM = /^\(\s*(?:'([^']*)'|"([^"]*)")\s*\)$/

/**
 * `{% promotion('list') %}` prints one unique code (braze.md §2.3) — here the caller's stand-in.
 * A list given as null is empty: Braze aborts the message (§1.8).
 */
export class PromotionTag extends Tag {
  private readonly list: string

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid)
    const match = FORM.exec(token.args.trim())
    if (!match) {
      throw new MarkupError(
        'promotion takes the name of a promotion list in quotes and parentheses.',
        markupStart(token),
        "Write {% promotion('list_name') %}.",
      )
    }
    this.list = match[1] ?? match[2] ?? ''
  }

  render(ctx: Context, emitter: Emitter): void {
    const place = { input: this.token.input, offset: this.token.begin }
    const promotions = runtimeOf(ctx)?.standIns.promotions ?? {}
    if (!Object.hasOwn(promotions, this.list)) {
      report(ctx, {
        severity: 'warning',
        code: 'promotion-missing',
        message: `Promotion list "${this.list}" was not supplied, so no code is printed in this preview.`,
        fix: `Add a stand-in code for "${this.list}".`,
        place,
      })
      return
    }
    const code = promotions[this.list]
    if (code === null || code === undefined) {
      throw new MessageAborted(
        `Promotion list "${this.list}" has no codes left; Braze aborts the message.`,
        place,
      )
    }
    emitter.write(code)
  }
}
