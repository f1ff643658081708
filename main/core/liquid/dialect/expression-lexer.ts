/**
 * Splits the inside of `{{ … }}` or `{% … %}` into tokens, recognising what standard Liquid
 * cannot: `${literal key}` references and nested `{{ }}` (braze.md §1.1, §8.1–§8.3).
 */

import { isBlankChar, isWordChar } from './chars'

export type ExprToken =
  | {
      kind: 'blank' | 'word' | 'punct' | 'pipe' | 'logic' | 'paren' | 'string'
      start: number
      end: number
    }
  | { kind: 'ref'; start: number; end: number; namespace: string | null; key: string }
  | { kind: 'nested'; start: number; end: number; tokens: ExprToken[]; filtered: boolean }

export interface LexIssue {
  severity: 'error' | 'warning'
  code: string
  at: number
  message: string
  fix: string
  /** The rewrite around it cannot be trusted, so liquidjs must not see it. */
  structural: boolean
}

export interface FilterUse {
  name: string
  start: number
  end: number
}

export interface LexSink {
  issue(issue: LexIssue): void
  filter(use: FilterUse): void
}

/** Where the expression stops: at `}}` for output, at `%}` for a tag. */
export type LexMode = 'output' | 'tag' | 'nested-in-output' | 'nested-in-tag'

export interface LexResult {
  tokens: ExprToken[]
  /** Offset of the closing delimiter (including a `-` trim marker), or the end of input. */
  end: number
  closed: boolean
  /** An error inside already explains why the expression is not closed. */
  failed?: boolean
}

const CURLY_QUOTES = '\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb'

export class ExpressionLexer {
  /** Issues wait here until the outermost expression is done, so cascades can be dropped. */
  private pending: LexIssue[] = []
  private depth = 0

  constructor(
    private readonly src: string,
    private readonly sink: LexSink,
  ) {}

  lex(start: number, mode: LexMode): LexResult {
    this.depth++
    try {
      return this.lexTokens(start, mode)
    } finally {
      this.depth--
      if (this.depth === 0) {
        for (const issue of this.pending) this.sink.issue(issue)
        this.pending = []
      }
    }
  }

  private lexTokens(start: number, mode: LexMode): LexResult {
    const tokens: ExprToken[] = []
    const braces = { open: 0 }
    let afterPipe = false
    let p = start
    while (p < this.src.length) {
      const close = this.closingAt(p, mode)
      if (close === 'end') return { tokens, end: p, closed: true }
      if (close === 'tag-end') return { tokens, end: p, closed: false }
      const c = this.src[p] ?? ''
      const token = this.next(p, c, mode, braces, afterPipe)
      if (token === null) return { tokens, end: this.src.length, closed: false, failed: true }
      if (token.kind === 'word' && afterPipe) {
        this.sink.filter({
          name: this.src.slice(token.start, token.end),
          start: token.start,
          end: token.end,
        })
      }
      if (token.kind !== 'blank') afterPipe = token.kind === 'pipe'
      if (token.end > token.start) tokens.push(token)
      p = Math.max(token.end, p + 1)
    }
    return { tokens, end: this.src.length, closed: false }
  }

  private closingAt(p: number, mode: LexMode): 'end' | 'tag-end' | null {
    const s = this.src
    const c = s.charCodeAt(p)
    if (c !== 125 && c !== 37 && c !== 45) return null
    const atOutputEnd = s.startsWith('}}', p) || s.startsWith('-}}', p)
    const atTagEnd = s.startsWith('%}', p) || s.startsWith('-%}', p)
    if (mode === 'tag') return atTagEnd ? 'end' : null
    if (atOutputEnd) return 'end'
    if (mode === 'nested-in-tag' && atTagEnd) return 'tag-end'
    return null
  }

  private next(
    p: number,
    c: string,
    mode: LexMode,
    braces: { open: number },
    afterPipe: boolean,
  ): ExprToken | null {
    const s = this.src
    const code = s.charCodeAt(p)
    if (isBlankChar(code)) {
      let end = p + 1
      while (end < s.length && isBlankChar(s.charCodeAt(end))) end++
      return { kind: 'blank', start: p, end }
    }
    if (c === "'" || c === '"') return this.string(p, c, mode)
    if (c === '$' && s[p + 1] === '{') return this.reference(p, p, null, mode)
    if (isWordChar(code)) return this.word(p, mode, afterPipe)
    if (c === '{' && s[p + 1] === '{') return this.nested(p, mode)
    if (c === '{' && s[p + 1] === '%') {
      this.issue(
        'error',
        'misplaced-tag',
        p,
        true,
        'A `{%` tag cannot start inside another tag or output.',
        'Close the surrounding `{{ }}` or `{% %}` first.',
      )
      return null
    }
    if (c === '{') {
      braces.open++
      this.issue(
        'error',
        'single-brace',
        p,
        false,
        'Single `{ }` braces are not Liquid: this attribute reference is malformed.',
        'Inside a tag write the reference bare, `targeted_device.${carrier}`, or as `{{targeted_device.${carrier}}}`.',
      )
      return { kind: 'punct', start: p, end: p }
    }
    if (c === '}') {
      if (braces.open > 0) {
        braces.open--
        return { kind: 'punct', start: p, end: p }
      }
      this.issue(
        'error',
        'unbalanced-braces',
        p,
        true,
        'This `}` closes nothing: the braces around it are unbalanced.',
        'Check that every `{{` has a matching `}}` and every `${` a matching `}`.',
      )
      return { kind: 'punct', start: p, end: p + 1 }
    }
    if (CURLY_QUOTES.includes(c)) {
      this.issue(
        'error',
        'curly-quote',
        p,
        false,
        `"${c}" is a typographic quote; Liquid only understands straight quotes.`,
        'Replace it with a straight quote (\' or ").',
      )
      return { kind: 'punct', start: p, end: p + 1 }
    }
    if ((c === '&' && s[p + 1] === '&') || (c === '|' && s[p + 1] === '|')) {
      return { kind: 'logic', start: p, end: p + 2 }
    }
    if (c === '|') return { kind: 'pipe', start: p, end: p + 1 }
    if (c === '(' || c === ')') return { kind: 'paren', start: p, end: p + 1 }
    return { kind: 'punct', start: p, end: p + 1 }
  }

  private word(p: number, mode: LexMode, afterPipe: boolean): ExprToken | null {
    const s = this.src
    let end = p + 1
    while (end < s.length && isWordChar(s.charCodeAt(end)) && !this.trimMarkerAt(end)) end++
    if (!afterPipe && s.startsWith('.${', end))
      return this.reference(p, end + 1, s.slice(p, end), mode)
    return { kind: 'word', start: p, end }
  }

  /** A `-` directly before `}}` or `%}` is whitespace control, not part of a name. */
  private trimMarkerAt(p: number): boolean {
    return (
      this.src.charCodeAt(p) === 45 &&
      (this.src.startsWith('}}', p + 1) || this.src.startsWith('%}', p + 1))
    )
  }

  private reference(
    start: number,
    dollar: number,
    namespace: string | null,
    mode: LexMode,
  ): ExprToken | null {
    const s = this.src
    let end = dollar + 2
    while (end < s.length && s[end] !== '}') {
      const c = s[end]
      if (c === '\n' || c === '{' || (mode !== 'output' && s.startsWith('%}', end))) break
      end++
    }
    if (s[end] !== '}') {
      this.issue(
        'error',
        'unclosed-reference',
        dollar,
        true,
        'This `${` is not closed by `}`.',
        'Close the attribute name, e.g. `${first_name}`.',
      )
      return null
    }
    const key = s.slice(dollar + 2, end)
    if (key.trim() === '') {
      this.issue(
        'error',
        'empty-reference',
        dollar,
        false,
        '`${}` names no attribute.',
        'Put the attribute name inside, e.g. `${first_name}`.',
      )
    }
    return { kind: 'ref', start, end: end + 1, namespace, key }
  }

  private string(p: number, quote: string, mode: LexMode): ExprToken | null {
    const s = this.src
    let end = p + 1
    while (end < s.length && s[end] !== quote) {
      if (mode !== 'output' && mode !== 'nested-in-output' && s.startsWith('%}', end)) break
      end++
    }
    if (s[end] !== quote) {
      this.issue(
        'error',
        'unclosed-string',
        p,
        true,
        `This string is not closed by a matching ${quote}.`,
        `Add the closing ${quote}.`,
      )
      return null
    }
    return { kind: 'string', start: p, end: end + 1 }
  }

  private nested(p: number, mode: LexMode): ExprToken | null {
    const inner = mode === 'tag' || mode === 'nested-in-tag' ? 'nested-in-tag' : 'nested-in-output'
    const from = this.src[p + 2] === '-' ? p + 3 : p + 2
    const mark = this.pending.length
    const result = this.lex(from, inner)
    if (!result.closed) {
      if (!result.failed) {
        // Stray braces inside are symptoms of the same imbalance: report its cause once.
        this.pending = this.pending.filter(
          (issue, i) => i < mark || issue.code !== 'unbalanced-braces',
        )
        this.issue(
          'error',
          'unclosed-output',
          p,
          true,
          'This nested `{{` is not closed by `}}`: the braces are unbalanced.',
          'Make every `{{` end with `}}` (and every `${` with `}`) before the tag ends.',
        )
      }
      return null
    }
    const closeLength = this.src[result.end] === '-' ? 3 : 2
    const filtered = result.tokens.some((t) => t.kind === 'pipe')
    return {
      kind: 'nested',
      start: p,
      end: result.end + closeLength,
      tokens: result.tokens,
      filtered,
    }
  }

  private issue(
    severity: 'error' | 'warning',
    code: string,
    at: number,
    structural: boolean,
    message: string,
    fix: string,
  ): void {
    this.pending.push({ severity, code, at, structural, message, fix })
  }
}
