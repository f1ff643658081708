import { Drop, type Variable } from 'liquidjs'
import type { Problem } from '../../../../shared/contract/problems'
import { NO_USER, USER_PLACEHOLDERS } from './placeholder-scope'

const REFERENCE = 'https://support.zendesk.com/hc/en-us/articles/4408886858138'
/** Custom ticket fields are the account's: any id may exist there. */
const TICKET_FIELD = /^ticket_field_(?:option_title_)?\d+$/
/** Maps of the account's own keys (user, organization fields): any key may exist there. */
const OPEN_MAPS = new Set(['custom_fields'])

/**
 * Placeholders that name nothing Zendesk fills (a typo, or `{{dc.*}}` dynamic content this
 * scope does not have): they render empty. One warning per distinct name, at its first use.
 * A value that is empty here (no assignee yet, no comments) cannot tell a typo from a gap, so
 * names read through it pass, except a person's fields, which are known.
 */
export function unknownPlaceholders(
  globals: readonly Variable[],
  scope: Readonly<Record<string, unknown>>,
): Problem[] {
  const problems: Problem[] = []
  const seen = new Set<string>()
  for (const variable of globals) {
    const name = String(variable)
    if (seen.has(name)) continue
    seen.add(name)
    if (isKnown(variable.segments, scope)) continue
    problems.push({
      severity: 'warning',
      code: 'unknown-placeholder',
      message: `{{${name}}} is not a placeholder Zendesk fills here, so it renders empty.`,
      line: variable.location.row,
      column: variable.location.col,
      fix: `Check the name against Zendesk's placeholder reference: ${REFERENCE}`,
    })
  }
  return problems
}

function isKnown(
  segments: ReadonlyArray<string | number | Variable>,
  scope: Readonly<Record<string, unknown>>,
): boolean {
  const [root, ...path] = segments
  if (typeof root !== 'string' || !Object.hasOwn(scope, root)) return false
  let value: unknown = scope[root]
  let previous = root
  for (const segment of path) {
    // A computed index (`a[ticket.id]`) cannot be followed without rendering.
    if (typeof segment !== 'string' && typeof segment !== 'number') return true
    if (value === NO_USER) return USER_PLACEHOLDERS.has(String(segment))
    if (value === null || value === undefined || value === '') return true
    if (segment === 'size') return true
    if (OPEN_MAPS.has(previous)) return true
    if (previous === 'ticket' && typeof segment === 'string' && TICKET_FIELD.test(segment))
      return true
    const next = step(value, segment)
    if (next === MISSING) return false
    value = next
    previous = String(segment)
  }
  return true
}

const MISSING = Symbol('missing')

function step(value: unknown, segment: string | number): unknown {
  if (Array.isArray(value)) {
    if (segment === 'first') return value[0]
    if (segment === 'last') return value.at(-1)
    return typeof segment === 'number' ? value[segment] : MISSING
  }
  if (value instanceof Drop || (typeof value === 'object' && value !== null)) {
    const record = value as Record<string, unknown>
    const key = String(segment)
    return Object.hasOwn(record, key) ? record[key] : MISSING
  }
  return MISSING
}
