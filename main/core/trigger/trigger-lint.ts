import type {
  PlaceholderEscapingMode,
  SampleTicket,
  TriggerLintResult,
} from '../../../shared/contract/triggers'
import type { PlaceholderRenderer } from '../zendesk/placeholders/placeholder-renderer'
import { renderTriggerBody } from './trigger-render'

/**
 * Renders the body for every sample ticket and lists the ones it breaks for: a body that is
 * fine for most tickets and invalid JSON for the one with a quote in its subject is the failure
 * nobody sees before go-live.
 */
export function lintTriggerBody(
  renderer: PlaceholderRenderer,
  template: string,
  tickets: readonly SampleTicket[],
  escaping: PlaceholderEscapingMode,
): TriggerLintResult {
  const results = tickets.map((ticket) => {
    const { problems } = renderTriggerBody(renderer, template, ticket, escaping)
    return {
      key: ticket.key,
      label: ticket.label,
      ok: !problems.some((problem) => problem.severity === 'error'),
      problems,
    }
  })
  return {
    escaping,
    tickets: results,
    broken: results.filter((result) => !result.ok).map((result) => result.key),
  }
}
