import { isBlankChar } from './chars'
import type { LexIssue } from './expression-lexer'

/**
 * Mistakes visible in the plain text between tags: Braze prints them as they are, so the
 * message silently carries them.
 */
export function textIssues(src: string, start: number, end: number): LexIssue[] {
  const issues: LexIssue[] = []
  let dollar = src.indexOf('${', start)
  while (dollar >= 0 && dollar < end) {
    const close = src.indexOf('}', dollar)
    const reference = close > dollar && close < end ? src.slice(dollar, close + 1) : ''
    if (/^\$\{[^{}\n]+\}$/.test(reference)) {
      issues.push({
        severity: 'warning',
        code: 'reference-outside-output',
        at: dollar,
        structural: false,
        message: `\`${reference}\` is outside {{ }}, so it is printed as text.`,
        fix: `Write {{${reference}}} to print the attribute.`,
      })
    }
    dollar = src.indexOf('${', dollar + 2)
  }
  if (start > 1 && src.startsWith('}}', start - 2)) {
    const pipe = filterAfterOutput(src, start, end)
    if (pipe) issues.push(pipe)
  }
  return issues
}

/** `{{a}} | plus: {{b}}`: the filter is outside the braces. */
function filterAfterOutput(src: string, start: number, end: number): LexIssue | undefined {
  let p = start
  while (p < end && isBlankChar(src.charCodeAt(p))) p++
  if (src.charCodeAt(p) !== 124) return undefined
  const pipe = /^\|\s*[a-z_]+/.exec(src.slice(p, Math.min(end, p + 64)))
  if (!pipe) return undefined
  return {
    severity: 'warning',
    code: 'filter-outside-output',
    at: p,
    structural: false,
    message: `\`${pipe[0]}\` comes after the closing }} and is printed as text; Braze cannot combine two attributes in one expression.`,
    fix: 'Assign one attribute to a variable first, then apply the filter inside one {{ }}.',
  }
}
