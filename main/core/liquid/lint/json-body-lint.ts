import type { Problem } from '../../../../shared/contract/problems'
import { checkJsonBody } from './json-body'
import type { LintSubject } from './lint-subject'
import { templatePlaceholders } from './zendesk-ticket-lint'

/**
 * "JSON body": what any endpoint reading `Content-Type: application/json` needs — the template's
 * placeholders gone and the output valid JSON. It says nothing about what the endpoint expects.
 */
export function lintJsonBody(subject: LintSubject): Problem[] {
  const { output, locator, compiled } = subject
  return [
    ...templatePlaceholders(compiled),
    ...checkJsonBody({ text: output, locator, slots: [] }).problems,
  ]
}
