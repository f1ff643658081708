import { SourceMapBuilder, type SourceMap } from '../source-map'
import { isBlankChar, isNameChar } from './chars'
import {
  ExpressionLexer,
  type ExprToken,
  type FilterUse,
  type LexIssue,
  type LexSink,
} from './expression-lexer'
import {
  closest,
  FLOAT_LITERALS,
  isNamespace,
  KNOWN_TAGS,
  STANDARD_SCOPE,
  TAGS_WITHOUT_BRAZE_SUPPORT,
  TEMPLATE_MARKUP_TAGS,
  VERBATIM_MARKUP_TAGS,
} from './names'
import {
  laxAssign,
  laxCondition,
  laxElse,
  parenthesesIssues,
  singleEqualsIssues,
} from './tag-rules'
import { textIssues } from './text-checks'

/**
 * Rewrites Braze Liquid into standard Liquid that liquidjs parses (with grouped expressions):
 *   `{{${first_name}}}`                 → `{{__braze_user["first_name"]}}`
 *   `custom_attribute.${zip code}`      → `custom_attribute["zip code"]`
 *   `{% if {{x | size}} > 1 %}`          → `{% if (x | size) > 1 %}` (nested output as a value)
 * and records where every piece came from (braze.md §1.1, §8).
 */

export interface ReferenceUse {
  namespace: string | null
  key: string
  start: number
  end: number
}

export interface Rewrite {
  code: string
  map: SourceMap
  issues: LexIssue[]
  filters: FilterUse[]
  references: ReferenceUse[]
  /** Namespaces the template can read; null when embedded Liquid may read any of them. */
  namespaces: ReadonlySet<string> | null
}

const CONDITION_TAGS = new Set(['if', 'elsif', 'unless'])

export function rewriteTemplate(source: string): Rewrite {
  return new TemplateRewriter(source).run()
}

/**
 * A token's text, for the tag rules. Not a class-field arrow: esbuild's keepNames (tsx) names
 * each such closure with a defineProperty, per rewrite (see render-compiled.ts).
 */
function sliceOf(src: string): (t: ExprToken) => string {
  return (t) => src.slice(t.start, t.end)
}

/** Also the lexer's sink: issues and filter uses land in the rewrite. */
class TemplateRewriter implements LexSink {
  private readonly out: SourceMapBuilder
  private readonly lexer: ExpressionLexer
  private readonly issues: LexIssue[] = []
  private readonly filters: FilterUse[] = []
  private readonly references: ReferenceUse[] = []
  private readonly namespaces = new Set<string>()
  private anyNamespace = false
  private readonly text: (t: ExprToken) => string

  constructor(private readonly src: string) {
    this.out = new SourceMapBuilder(src)
    this.lexer = new ExpressionLexer(src, this)
    this.text = sliceOf(src)
  }

  issue(issue: LexIssue): void {
    this.issues.push(issue)
  }

  filter(use: FilterUse): void {
    this.filters.push(use)
  }

  run(): Rewrite {
    let p = 0
    while (p < this.src.length) {
      const next = this.nextDelimiter(p)
      if (next < 0) {
        this.plainText(p, this.src.length)
        break
      }
      this.plainText(p, next)
      p = this.src.startsWith('{%', next) ? this.tag(next) : this.output(next)
    }
    const { code, map } = this.out.build()
    return {
      code,
      map,
      issues: this.issues,
      filters: this.filters,
      references: this.references,
      namespaces: this.anyNamespace ? null : this.namespaces,
    }
  }

  /** The next `{{` or `{%`, as liquidjs's tokenizer finds them. */
  private nextDelimiter(from: number): number {
    let brace = this.src.indexOf('{', from)
    while (brace >= 0) {
      const next = this.src.charCodeAt(brace + 1)
      if (next === 123 || next === 37) return brace
      brace = this.src.indexOf('{', brace + 1)
    }
    return -1
  }

  private plainText(start: number, end: number): void {
    this.out.copy(start, end)
    this.issues.push(...textIssues(this.src, start, end))
  }

  private output(start: number): number {
    const open = this.src[start + 2] === '-' ? 3 : 2
    this.out.copy(start, start + open)
    const result = this.lexer.lex(start + open, 'output')
    if (!result.closed)
      return this.unclosed(
        start,
        result.failed,
        'unclosed-output',
        'This `{{` is not closed by `}}`.',
        'Add the missing `}}`.',
      )
    this.issues.push(...parenthesesIssues(result.tokens, this.text))
    this.emit(result.tokens)
    const close = this.src[result.end] === '-' ? 3 : 2
    this.out.copy(result.end, result.end + close)
    return result.end + close
  }

  private tag(start: number): number {
    let p = start + (this.src[start + 2] === '-' ? 3 : 2)
    while (isBlankChar(this.src.charCodeAt(p))) p++
    let markup = p
    if (this.src[p] === '#') markup++
    else while (isNameChar(this.src.charCodeAt(markup))) markup++
    const name = this.src.slice(p, markup)
    if (name === 'raw' || name === 'comment') return this.opaqueBlock(start, name)
    if (VERBATIM_MARKUP_TAGS.has(name)) return this.verbatimTag(start)
    this.checkTagName(name, p)
    this.out.copy(start, markup)
    // Connected Content and catalogs may re-render Liquid from outside the template.
    if (TEMPLATE_MARKUP_TAGS.has(name)) {
      this.anyNamespace ||= name !== 'message_extras'
      return this.templateMarkup(start, markup)
    }
    const result = this.lexer.lex(markup, 'tag')
    if (!result.closed)
      return this.unclosed(
        start,
        result.failed,
        'unclosed-tag',
        'This `{%` is not closed by `%}`.',
        'Add the missing `%}`.',
      )
    this.emit(this.applyRules(name, result.tokens))
    const close = this.src[result.end] === '-' ? 3 : 2
    this.out.copy(result.end, result.end + close)
    return result.end + close
  }

  private applyRules(name: string, tokens: ExprToken[]): ExprToken[] {
    let outcome = { tokens, issues: [] as LexIssue[] }
    if (name === 'else') outcome = laxElse(tokens, this.text)
    else if (name === 'assign') outcome = laxAssign(tokens, this.text)
    else if (CONDITION_TAGS.has(name)) outcome = laxCondition(tokens, this.text)
    if (CONDITION_TAGS.has(name) || name === 'when')
      outcome.issues.push(...singleEqualsIssues(outcome.tokens, this.text))
    this.issues.push(...outcome.issues, ...parenthesesIssues(outcome.tokens, this.text))
    return outcome.tokens
  }

  private checkTagName(name: string, at: number): void {
    if (name === '' || KNOWN_TAGS.has(name)) return
    const instead = TAGS_WITHOUT_BRAZE_SUPPORT[name]
    if (instead !== undefined) {
      this.issues.push({
        severity: 'error',
        code: 'unsupported-tag',
        at,
        structural: false,
        message: `Braze does not support {% ${name} %}.`,
        fix: instead,
      })
      return
    }
    const guess = closest(name, KNOWN_TAGS)
    this.issues.push({
      severity: 'error',
      code: 'unknown-tag',
      at,
      structural: false,
      message: `{% ${name} %} is not a Liquid or Braze tag.`,
      fix: guess ? `Did you mean {% ${guess} %}?` : 'Check the spelling, or remove the tag.',
    })
  }

  /** `raw` and `comment` bodies are passed through untouched, as liquidjs reads them. */
  private opaqueBlock(start: number, name: string): number {
    const closing = new RegExp(`\\{%-?\\s*end${name}\\s*-?%\\}`, 'g')
    closing.lastIndex = start
    const match = closing.exec(this.src)
    const end = match ? match.index + match[0].length : this.src.length
    this.out.copy(start, end)
    return end
  }

  private verbatimTag(start: number): number {
    const close = this.src.indexOf('%}', start)
    if (close < 0)
      return this.unclosed(
        start,
        false,
        'unclosed-tag',
        'This `{%` is not closed by `%}`.',
        'Add the missing `%}`.',
      )
    this.out.copy(start, close + 2)
    return close + 2
  }

  /** Markup that is itself a template (connected_content URLs, catalog ids, …). */
  private templateMarkup(start: number, from: number): number {
    let p = from
    for (;;) {
      const close = this.src.indexOf('%}', p)
      const output = this.src.indexOf('{{', p)
      if (close < 0)
        return this.unclosed(
          start,
          false,
          'unclosed-tag',
          'This `{%` is not closed by `%}`.',
          'Add the missing `%}`.',
        )
      if (output < 0 || close < output) {
        this.out.copy(p, close + 2)
        return close + 2
      }
      this.out.copy(p, output)
      p = this.output(output)
    }
  }

  private unclosed(
    start: number,
    explained: boolean | undefined,
    code: string,
    message: string,
    fix: string,
  ): number {
    if (!explained)
      this.issues.push({ severity: 'error', code, at: start, structural: true, message, fix })
    this.out.copy(start, this.src.length)
    return this.src.length
  }

  private emit(tokens: ExprToken[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as ExprToken
      const float = this.wholeFloatAt(tokens, i)
      if (float !== null) {
        // liquidjs reads `2.0` as the number 2; Ruby keeps it a Float that prints as 2.0.
        this.out.emit(`${FLOAT_LITERALS}["${float}"]`, token.start)
        i += 2
      } else if (token.kind === 'ref') this.emitReference(token)
      else if (token.kind === 'nested') {
        if (token.filtered) this.out.emit('(', token.start)
        this.emit(token.tokens)
        if (token.filtered) this.out.emit(')', token.end - 2)
      } else if (token.kind === 'string' && this.text(token).includes('\\')) {
        // Ruby Liquid strings have no escapes; liquidjs's do, so keep backslashes literal.
        this.out.emit(this.text(token).replaceAll('\\', '\\\\'), token.start)
      } else {
        if (token.kind === 'word' && isNamespace(this.text(token))) {
          this.namespaces.add(this.text(token))
          this.anyNamespace ||= this.text(token) === 'content_blocks'
        }
        this.out.copy(token.start, token.end)
      }
    }
  }

  /** `2.0`, `-7.00`: a decimal literal with a whole value, lexed as digits `.` digits. */
  private wholeFloatAt(tokens: ExprToken[], i: number): string | null {
    const [whole, dot, fraction] = [tokens[i], tokens[i + 1], tokens[i + 2]]
    if (whole?.kind !== 'word' || dot?.kind !== 'punct' || fraction?.kind !== 'word') return null
    if (whole.end !== dot.start || dot.end !== fraction.start || this.text(dot) !== '.') return null
    const before = tokens[i - 1]
    const after = tokens[i + 3]
    if (before?.end === whole.start && before.kind === 'punct') return null
    if (after?.start === fraction.end && after.kind === 'punct') return null
    const text = `${this.text(whole)}.${this.text(fraction)}`
    return /^-?\d+\.\d+$/.test(text) && Number.isInteger(Number(text)) ? text : null
  }

  private emitReference(token: Extract<ExprToken, { kind: 'ref' }>): void {
    this.namespaces.add(token.namespace ?? STANDARD_SCOPE)
    // Content Blocks are Liquid of their own and may read any namespace.
    if (token.namespace === 'content_blocks') this.anyNamespace = true
    this.references.push({
      namespace: token.namespace,
      key: token.key,
      start: token.start,
      end: token.end,
    })
    const quote = token.key.includes('"') ? "'" : '"'
    if (token.key.includes("'") && token.key.includes('"')) {
      this.issues.push({
        severity: 'error',
        code: 'reference-quotes',
        at: token.start,
        structural: false,
        message: 'An attribute name with both kinds of quote cannot be looked up.',
        fix: 'Rename the attribute.',
      })
    }
    const scope = token.namespace ?? STANDARD_SCOPE
    // A plain name reads faster as `.name`; anything else is a quoted literal key.
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(token.key)) {
      this.out.emit(`${scope}.${token.key}`, token.start)
      return
    }
    const key = `${quote}${token.key.replaceAll('\\', '\\\\')}${quote}`
    this.out.emit(`${scope}[${key}]`, token.start)
  }
}
