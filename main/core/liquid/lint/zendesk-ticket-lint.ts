import type { Problem } from '../../../../shared/contract/problems'
import type { CompiledTemplate } from '../compile'
import type { LintSubject } from './lint-subject'
import { maskOutput, outputShape, type OutputShape, type TextTransitions } from './output-shape'
import { placeholderProblems } from './placeholders'
import {
  requesterFieldProblems,
  ticketValueProblems,
  VALUE_ONLY_PATHS,
  type TicketFields,
} from './zendesk-ticket-fields'
import { analyzeTicketShape, type TicketShape } from './zendesk-ticket-shape'

const SHAPES_PER_TEMPLATE = 64

/**
 * "Zendesk: create ticket": the body must be the JSON of zendesk.md §4.2. Problems are reported
 * at their cause — the placeholder, the `{{ }}` whose value broke a string — and the ticket's
 * fields are still checked on the body as it would be once those causes are fixed. The
 * structural part is computed once per output shape (see output-shape.ts), so linting a batch
 * of users costs little more than reading each user's values.
 */
export function lintZendeskTicket(subject: LintSubject): Problem[] {
  const { output, locator, compiled } = subject
  const problems = templatePlaceholders(compiled)
  const transitions = compiled
    ? memo<TextTransitions>(compiled, 'json:text-transitions', () => [])
    : undefined
  const shape = outputShape(output, locator, transitions)
  const shapes = compiled
    ? memo<ShapeCache>(compiled, 'zendesk-ticket:shapes', () => ({
        plans: new Map(),
        newest: null,
      }))
    : null
  let plan = shapes?.plans.get(shape.key)
  if (!plan) {
    plan = analyzeTicketShape(maskOutput(output, shape, locator), compiled)
    frozen(plan.problems)
  }
  if (shapes) remember(shapes, shape.key, plan)
  problems.push(...plan.problems)
  if (!plan.fields) return problems
  const fields = fieldsFor(plan, shape, output)
  problems.push(...valueProblems(plan, fields), ...requesterFieldProblems(fields, subject.user))
  return problems
}

/**
 * Ticket shapes seen for one template, least recently used out first: a batch has one common
 * shape and many one-off ones (values with quotes), which must not push the common one out.
 */
interface ShapeCache {
  plans: Map<string, TicketShape>
  newest: string | null
}

function remember(cache: ShapeCache, key: string, plan: TicketShape): void {
  if (cache.newest === key) return
  const { plans } = cache
  plans.delete(key)
  if (plans.size >= SHAPES_PER_TEMPLATE) plans.delete(plans.keys().next().value ?? '')
  plans.set(key, plan)
  cache.newest = key
}

/** Comment, type, priority and status problems depend only on those values: memoized by them. */
function valueProblems(plan: TicketShape, fields: TicketFields): readonly Problem[] {
  let key = ''
  for (const { path, parts } of plan.fields ?? []) {
    if (parts === null || !VALUE_ONLY_PATHS.has(path)) continue
    const value = fields[path]?.value
    key += `${typeof value === 'string' ? value : JSON.stringify(value ?? null)}\u0000`
  }
  plan.valueProblems ??= new Map()
  let problems = plan.valueProblems.get(key)
  if (!problems) {
    problems = frozen(ticketValueProblems(fields, plan.ticketAt))
    if (plan.valueProblems.size >= SHAPES_PER_TEMPLATE) plan.valueProblems.clear()
    plan.valueProblems.set(key, problems)
  }
  return problems
}

/** Shared between results, so nobody may change them. */
export function frozen(problems: Problem[]): readonly Problem[] {
  for (const problem of problems) Object.freeze(problem)
  return Object.freeze(problems)
}

/** The plan's fields with this render's values put back where stand-ins were. */
function fieldsFor(plan: TicketShape, shape: OutputShape, output: string): TicketFields {
  const fields: TicketFields = {}
  for (const { path, field, parts } of plan.fields ?? []) {
    if (!parts) {
      fields[path] = field
      continue
    }
    let joined = ''
    for (const part of parts) {
      if (typeof part === 'string') joined += part
      else {
        const leaf = shape.leaves[part]
        if (leaf) joined += output.slice(leaf.start, leaf.end)
      }
    }
    let value: unknown = joined
    if (joined.includes('\\')) {
      try {
        value = JSON.parse(`"${joined}"`) as unknown
      } catch {
        value = field.value
      }
    }
    fields[path] = { ...field, value }
  }
  return fields
}

function templatePlaceholders(compiled: CompiledTemplate | null): Problem[] {
  if (!compiled) return []
  return [
    ...memo(compiled, 'placeholders', () =>
      frozen(placeholderProblems(compiled.source, compiled.lines)),
    ),
  ]
}

function memo<T>(compiled: CompiledTemplate, key: string, make: () => T): T {
  let value = compiled.memo.get(key) as T | undefined
  if (value === undefined) {
    value = make()
    compiled.memo.set(key, value)
  }
  return value
}
