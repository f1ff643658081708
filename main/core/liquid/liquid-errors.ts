import { LiquidError, type Token } from 'liquidjs'
import type { Problem } from '../../../shared/contract/problems'
import { NAMESPACES, STANDARD_SCOPE } from './dialect/names'
import { problemAt } from './problem'
import type { Position } from './source-map'
import { MarkupError } from './tags/markup-template'

/** Turns a liquidjs parse or render error into a problem at the user's line and column. */
export function liquidErrorProblem(
  error: unknown,
  locate: (codeOffset: number) => Position | null,
): Problem {
  const liquidError = LiquidError.is(error)
    ? (error as LiquidError & { token?: Token; originalError?: unknown })
    : undefined
  const original = liquidError?.originalError
  if (original instanceof MarkupError) {
    return problemAt('error', 'tag-syntax', locate(original.offset), original.message, original.fix)
  }
  const token = liquidError?.token
  const at = token ? locate(token.begin) : null
  const raw =
    original instanceof Error
      ? original.message
      : error instanceof Error
        ? error.message
        : String(error)
  const message = restoreDialect(raw.replace(/, (?:file:[^,]*, )?line:\d+, col:\d+$/, ''))
  // liquidjs reports an error thrown while reading a variable (a Content Block, say) as an
  // UndefinedVariableError; with strictVariables off it can only be such a render error.
  const isRender =
    liquidError?.name === 'RenderError' || liquidError?.name === 'UndefinedVariableError'
  const unclosed = /^tag \{%-?\s*(\w+)[\s\S]*? not closed$/.exec(message)
  if (unclosed) {
    const name = unclosed[1] ?? ''
    return problemAt(
      'error',
      'unclosed-block',
      at,
      `{% ${name} %} is never closed.`,
      `Add {% end${name} %} where the block should end.`,
    )
  }
  const missingTag = /^tag "([^"]+)" not found$/.exec(message)
  if (missingTag) {
    const name = missingTag[1] ?? ''
    if (name.startsWith('end')) {
      return problemAt(
        'error',
        'unmatched-end-tag',
        at,
        `{% ${name} %} has no matching {% ${name.slice(3)} %}.`,
        'Remove it, or add the opening tag before it.',
      )
    }
    return problemAt(
      'error',
      'unknown-tag',
      at,
      `{% ${name} %} is not a Liquid or Braze tag.`,
      'Check the spelling, or remove the tag.',
    )
  }
  const filter = /^undefined filter: (\S+)$/.exec(message)
  if (filter) {
    return problemAt(
      'error',
      'unknown-filter',
      at,
      `Braze has no filter "${filter[1] ?? ''}".`,
      "Check the spelling against Braze's filter list.",
    )
  }
  if (isRender) {
    return problemAt('error', 'liquid-error', at, `Liquid error: ${message}`, fixFor(message))
  }
  return problemAt('error', 'liquid-syntax', at, `Liquid syntax error: ${message}`, fixFor(message))
}

function fixFor(message: string): string {
  if (/divided by 0/.test(message))
    return 'Guard the division with {% if divisor != 0 %}, or give the value a default.'
  if (/json_parse/.test(message))
    return 'Make sure the text is valid JSON before json_parse (check quotes and commas).'
  if (/time_zone/.test(message)) return 'Use an IANA zone name such as America/Chicago.'
  if (/expected ":"|unexpected|invalid value expression|expected "\|"/.test(message)) {
    return 'Check the expression here: operators are == != > < >= <= contains and or; filters are written | name: argument.'
  }
  return 'Check the tag or output at this position.'
}

// Error snapshots may JSON-escape the quotes, hence the optional backslashes.
const NAMESPACE_ACCESS = new RegExp(
  `\\b(${[STANDARD_SCOPE, ...NAMESPACES].join('|')})\\[\\\\?(["'])(.*?)\\\\?\\2\\]`,
  'g',
)

/** Shows `${first_name}` rather than the rewritten `__braze_user["first_name"]` in messages. */
export function restoreDialect(text: string): string {
  return text
    .replace(NAMESPACE_ACCESS, (_whole, scope: string, _quote: string, key: string) =>
      scope === STANDARD_SCOPE ? `\${${key}}` : `${scope}.\${${key}}`,
    )
    .replace(STANDARD_DOT, (_whole, key: string) => `\${${key}}`)
}

const STANDARD_DOT = new RegExp(`\\b${STANDARD_SCOPE}\\.(\\w+)`, 'g')
