import type { ExprToken, LexIssue } from './expression-lexer'

/**
 * Braze renders in lax mode (braze.md §2.5): where published templates carry markup Ruby
 * Liquid silently ignores, we ignore it the same way and say so, instead of failing or, worse,
 * evaluating it as liquidjs would.
 */

export interface RuleOutcome {
  tokens: ExprToken[]
  issues: LexIssue[]
}

type Text = (token: ExprToken) => string

function isBlank(token: ExprToken | undefined): boolean {
  return token?.kind === 'blank'
}

function slice(tokens: ExprToken[], text: Text): string {
  return tokens.map(text).join('').replace(/\s+/g, ' ').trim()
}

/** `&&`/`||`: lax Ruby Liquid keeps the first comparison of each and/or part and drops the rest. */
export function laxCondition(tokens: ExprToken[], text: Text): RuleOutcome {
  const issues: LexIssue[] = []
  const kept: ExprToken[] = []
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    if (!token) continue
    if (token.kind !== 'logic') {
      kept.push(token)
      continue
    }
    let j = i + 1
    while (j < tokens.length) {
      const candidate = tokens[j]
      if (candidate?.kind === 'word' && /^(and|or)$/.test(text(candidate))) break
      j++
    }
    const dropped = slice(tokens.slice(i, j), text)
    const operator = text(token)
    const instead = operator === '&&' ? 'and' : 'or'
    issues.push({
      severity: 'warning',
      code: 'ignored-condition',
      at: token.start,
      structural: false,
      message: `\`${operator}\` is not a Liquid operator: Braze ignores \`${dropped}\`, so that part of the condition is never checked.`,
      fix: `Write \`${instead}\` instead of \`${operator}\`.`,
    })
    if (isBlank(kept.at(-1)) && j < tokens.length) kept.pop()
    i = j - 1
  }
  return { tokens: kept, issues }
}

const ASSIGN_STOP = new Set([',', '=', '<', '>', '!'])

/** `assign` takes one value and filters; anything between them is ignored in lax mode. */
export function laxAssign(tokens: ExprToken[], text: Text): RuleOutcome {
  const equals = tokens.findIndex((t) => t.kind === 'punct' && text(t) === '=')
  if (equals < 0) return { tokens, issues: [] }
  let start = equals + 1
  while (isBlank(tokens[start])) start++
  let end = start
  while (end < tokens.length) {
    const t = tokens[end]
    if (
      !t ||
      t.kind === 'blank' ||
      t.kind === 'pipe' ||
      (t.kind === 'punct' && ASSIGN_STOP.has(text(t)))
    )
      break
    end++
  }
  let pipe = end
  while (pipe < tokens.length && tokens[pipe]?.kind !== 'pipe') pipe++
  const ignored = tokens.slice(end, pipe)
  const first = ignored.find((t) => t.kind !== 'blank')
  if (!first || end === start) return { tokens, issues: [] }
  const value = slice(tokens.slice(start, end), text)
  const issue: LexIssue = {
    severity: 'warning',
    code: 'ignored-assign-markup',
    at: first.start,
    structural: false,
    message: `\`assign\` does not evaluate \`${slice(ignored, text)}\`: Braze ignores it and assigns \`${value}\`.`,
    fix: 'Assign the value on its own, then compare it in an {% if %}.',
  }
  return { tokens: [...tokens.slice(0, end), ...tokens.slice(pipe)], issues: [issue] }
}

/** `{% else <condition> %}`: the condition is ignored and the branch always runs. */
export function laxElse(tokens: ExprToken[], text: Text): RuleOutcome {
  const first = tokens.find((t) => t.kind !== 'blank')
  if (!first) return { tokens, issues: [] }
  return {
    tokens: tokens.slice(0, 1).filter((t) => t.kind === 'blank'),
    issues: [
      {
        severity: 'warning',
        code: 'ignored-else-condition',
        at: first.start,
        structural: false,
        message: `\`{% else %}\` takes no condition: Braze ignores \`${slice(tokens, text)}\` and runs this branch for every remaining case.`,
        fix: 'Use {% elsif <condition> %} for a condition, or remove the text after else.',
      },
    ],
  }
}

/** Liquid has no grouping parentheses, only ranges such as `(1..5)` (braze.md §1.1). */
export function parenthesesIssues(tokens: ExprToken[], text: Text): LexIssue[] {
  const issues: LexIssue[] = []
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    if (token?.kind !== 'paren' || text(token) !== '(') continue
    let depth = 0
    let j = i
    for (; j < tokens.length; j++) {
      const t = tokens[j]
      if (t?.kind !== 'paren') continue
      depth += text(t) === '(' ? 1 : -1
      if (depth === 0) break
    }
    const inside = tokens.slice(i + 1, j)
    const isRange = inside.some((t, k) => {
      const after = inside[k + 1]
      return after !== undefined && text(t) === '.' && text(after) === '.'
    })
    if (!isRange) {
      issues.push({
        severity: 'error',
        code: 'parentheses',
        at: token.start,
        structural: false,
        message: 'Braze Liquid has no parentheses for grouping (only ranges such as (1..5)).',
        fix: 'Split the condition into nested {% if %} tags, or assign the part in parentheses to a variable first.',
      })
    }
    i = j
  }
  return issues
}

const COMPARISON_CHARS = new Set(['=', '!', '<', '>'])

/** A lone `=` in a condition assigns nothing and compares nothing: Ruby Liquid rejects it. */
export function singleEqualsIssues(tokens: ExprToken[], text: Text): LexIssue[] {
  const issues: LexIssue[] = []
  tokens.forEach((token, i) => {
    if (token.kind !== 'punct' || text(token) !== '=') return
    const before = tokens[i - 1]
    const after = tokens[i + 1]
    const joined = (t: ExprToken | undefined) =>
      t?.kind === 'punct' && COMPARISON_CHARS.has(text(t))
    if (joined(before) || joined(after)) return
    issues.push({
      severity: 'error',
      code: 'single-equals',
      at: token.start,
      structural: false,
      message: 'A single `=` is not a comparison in Liquid.',
      fix: 'Compare with `==`.',
    })
  })
  return issues
}
