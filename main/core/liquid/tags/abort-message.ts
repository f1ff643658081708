import { Tag, type Context, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs'
import { MessageAborted } from '../runtime'
import { MarkupError, markupStart } from './markup-template'

/** What Braze's Message Activity Log shows for an abort without a reason (braze.md §2.3). */
export const DEFAULT_ABORT_REASON = '{% abort_message %} called'

const FORMS = /^(?:\(\s*(?:'([^']*)'|"([^"]*)")?\s*\))?$/

/**
 * `{% abort_message %}`, `()`, `( )`, `('reason')`, `("reason")`: stops the render and reports
 * that Braze would not send the message. The reason is never printed into the output.
 */
export class AbortMessageTag extends Tag {
  private readonly reason: string

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid)
    const markup = token.args.trim()
    const match = FORMS.exec(markup)
    if (!match) {
      const message = markup.includes('{{')
        ? 'The abort_message reason must be a plain string without Liquid.'
        : 'abort_message takes at most a quoted reason in parentheses.'
      throw new MarkupError(
        message,
        markupStart(token),
        "Write {% abort_message('reason') %} or {% abort_message %}.",
      )
    }
    this.reason = match[1] || match[2] || DEFAULT_ABORT_REASON
  }

  render(_ctx: Context): void {
    throw new MessageAborted(this.reason, { input: this.token.input, offset: this.token.begin })
  }
}
