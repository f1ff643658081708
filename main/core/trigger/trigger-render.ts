import { printParseErrorCode } from 'jsonc-parser'
import type { Problem } from '../../../shared/contract/problems'
import type {
  PlaceholderEscapingMode,
  SampleTicket,
  TriggerRenderResult,
} from '../../../shared/contract/triggers'
import { parseJson } from '../liquid/lint/json-syntax'
import type { PlaceholderContext } from '../zendesk/placeholders/placeholder-context'
import type { PlaceholderRenderer } from '../zendesk/placeholders/placeholder-renderer'
import { placeholderContext } from './api-ticket'
import { brazeTrackProblems } from './braze-track-lint'
import { templateLineAt } from './template-lines'

/** Characters that end or break a JSON string when a value is inserted as-is. */
// eslint-disable-next-line no-control-regex
const BREAKS_JSON = /["\\\u0000-\u001f]/
const ESCAPING_DOC =
  'https://developer.zendesk.com/documentation/webhooks/creating-and-monitoring-webhooks/'

/**
 * Renders a trigger body for one sample ticket with the simulated Zendesk's placeholder engine,
 * then checks it: Liquid errors and unknown placeholders, the JSON (naming the placeholder whose
 * value broke it, at its template line), and the parsed body as a Braze `/users/track` request.
 */
export function renderTriggerBody(
  renderer: PlaceholderRenderer,
  template: string,
  sample: SampleTicket,
  escaping: PlaceholderEscapingMode,
): TriggerRenderResult {
  const context = placeholderContext(sample, escaping)
  const rendering = renderer.render(template, context)
  const problems: Problem[] = [...rendering.problems]
  const text = rendering.text
  if (text === null) return { text, escaping, problems, validJson: false }
  const { tree, errors } = parseJson(text)
  const [first] = errors
  if (first) {
    const culprits = breakingPlaceholders(renderer, template, context)
    problems.push(
      ...(culprits.length > 0
        ? culprits
        : [
            {
              severity: 'error' as const,
              code: 'invalid-json',
              message: `The body is not valid JSON for ${sample.label}: ${printParseErrorCode(first.error)} at ${JSON.stringify(text.slice(first.offset, first.offset + 24))}.`,
              line: templateLineAt(template, text, first.offset),
              column: null,
              fix: 'Check the quotes, commas and braces at this line; quote placeholders that can render empty.',
            },
          ]),
    )
    return { text, escaping, problems, validJson: false }
  }
  for (const problem of tree ? brazeTrackProblems(template, text, tree) : []) {
    problems.push({
      severity: problem.severity,
      code: `braze-${problem.code}`,
      message: `Braze /users/track${problem.path ? ` at ${problem.path}` : ''}: ${problem.message}`,
      line: problem.line,
      column: null,
      fix: problem.fix,
    })
  }
  return { text, escaping, problems, validJson: true }
}

/**
 * Placeholders whose value for this ticket, inserted as-is, contains a quote, a backslash or a
 * line break: with `raw` escaping each one cuts its JSON string short.
 */
function breakingPlaceholders(
  renderer: PlaceholderRenderer,
  template: string,
  context: PlaceholderContext,
): Problem[] {
  if (context.escaping !== 'raw') return []
  const problems: Problem[] = []
  for (const variable of renderer.placeholders(template)) {
    const name = String(variable)
    const value = renderer.render(`{{${name}}}`, context).text ?? ''
    const found = BREAKS_JSON.exec(value)
    if (!found) continue
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value
    problems.push({
      severity: 'error',
      code: 'placeholder-breaks-json',
      message: `{{${name}}} prints “${shown}” for ticket #${context.ticket.id}: inserted as-is, its ${describe(found[0])} breaks the JSON string, so Zendesk sends invalid JSON and Braze refuses it.`,
      line: variable.location.row,
      column: variable.location.col,
      fix: `Zendesk may insert values without escaping them (${ESCAPING_DOC}): keep free-text placeholders such as {{${name}}} out of the body, or test the raw body against your account before going live.`,
    })
  }
  return problems
}

function describe(char: string): string {
  if (char === '"') return 'quote (")'
  if (char === '\\') return 'backslash'
  if (char === '\n') return 'line break'
  if (char === '\t') return 'tab'
  return `control character U+${char.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`
}
