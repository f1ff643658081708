import type { LintTarget, LintTargetId } from '../../../../shared/contract/compose'
import type { Problem } from '../../../../shared/contract/problems'
import type { BrazeUserProfile } from '../../../../shared/contract/users'
import type { CompiledTemplate } from '../compile'
import { problemAt } from '../problem'
import type { OutputLocator } from './output-locator'
import { lintJsonBody } from './json-body-lint'
import { zendeskHeaderProblems } from './zendesk-headers'
import { lintZendeskTicket } from './zendesk-ticket-lint'

/** What a target's lint reads: the rendered output and how it maps back to the template. */
export interface LintSubject {
  output: string
  /** The template that produced the output; null when the result carries no trace. */
  compiled: CompiledTemplate | null
  locator: OutputLocator
  user: BrazeUserProfile | null
  /** Rendered request headers; empty when the caller supplied none. */
  headers: Record<string, string>
  now: Date
}

interface TargetRules extends LintTarget {
  body: (subject: LintSubject) => Problem[]
  headers: (headers: Record<string, string>, now: Date) => Problem[]
}

const TARGETS: Record<LintTargetId, TargetRules> = {
  'zendesk-ticket': {
    id: 'zendesk-ticket',
    label: 'Zendesk: create ticket',
    body: lintZendeskTicket,
    headers: zendeskHeaderProblems,
  },
  json: {
    id: 'json',
    label: 'JSON body (any API)',
    body: lintJsonBody,
    headers: () => [],
  },
}

export function lintTargets(): LintTarget[] {
  return Object.values(TARGETS).map(({ id, label }) => ({ id, label }))
}

export function isLintTarget(id: string): id is LintTargetId {
  return Object.hasOwn(TARGETS, id)
}

/** Body problems, and header problems when headers were given. */
export function lintSubject(target: LintTargetId, subject: LintSubject): Problem[] {
  const rules = TARGETS[target]
  const problems = rules.body(subject)
  if (hasAny(subject.headers)) {
    problems.push(...rules.headers(subject.headers, subject.now))
  }
  return problems
}

/** Linting a result that lost its trace (e.g. sent through JSON) still works, without places. */
export function noTraceProblem(): Problem {
  return problemAt(
    'info',
    'lint-without-positions',
    null,
    'This result carries no render trace, so problems cannot be placed in the template.',
    'Lint the result returned by render() itself to get positions.',
  )
}

function hasAny(record: Record<string, string>): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true
  return false
}
