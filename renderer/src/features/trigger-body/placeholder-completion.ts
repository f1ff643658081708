import type { LiquidCompletionConfig } from '@codemirror/lang-liquid'
import {
  PERSON_PLACEHOLDERS,
  PERSON_ROOTS,
  TICKET_PLACEHOLDERS,
} from '../../../../shared/zendesk/placeholder-names'

type Completion = NonNullable<LiquidCompletionConfig['variables']>[number]

const option = (label: string): Completion => ({ label, type: 'property' })

/** Top-level names Zendesk fills in a trigger body. */
export const PLACEHOLDER_ROOTS: readonly Completion[] = [
  { label: 'ticket', type: 'variable' },
  { label: 'current_user', type: 'variable' },
  { label: 'satisfaction', type: 'variable' },
]

/** What may follow `ticket.`, `ticket.requester.`, `current_user.`… */
export function placeholderProperties(path: readonly string[]): readonly Completion[] {
  const [root, second] = path
  if (root === 'current_user' && path.length === 1) return PERSON_PLACEHOLDERS.map(option)
  if (root !== 'ticket') return []
  if (path.length === 1) return TICKET_PLACEHOLDERS.map(option)
  if (path.length === 2 && (PERSON_ROOTS as readonly string[]).includes(second ?? ''))
    return PERSON_PLACEHOLDERS.map(option)
  return []
}
