import type { LintedAs } from '../contract/compose'

/**
 * What a door may say when a render has no problems: exactly what was checked and no more. A
 * Liquid-only check never vouches for Zendesk; a JSON check never vouches for the ticket's
 * fields. `toCheckZendesk` tells this door's user how to ask for the Zendesk check.
 */
export function noProblemsText(lintedAs: LintedAs, toCheckZendesk: string): string {
  switch (lintedAs) {
    case 'zendesk-ticket':
      return 'No problems found: Braze would send this body and Zendesk would accept its shape.'
    case 'json':
      return `No problems found in the Liquid, and the body is valid JSON. The ticket’s fields were not checked for Zendesk: ${toCheckZendesk}.`
    case 'liquid':
      return `No Liquid errors. The body itself was not checked, neither as JSON nor for Zendesk: ${toCheckZendesk}.`
  }
}
