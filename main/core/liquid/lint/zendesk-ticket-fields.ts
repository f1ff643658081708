import type { NodeType } from 'jsonc-parser'
import type { Problem } from '../../../../shared/contract/problems'
import type { BrazeUserProfile } from '../../../../shared/contract/users'
import { problemAt } from '../problem'
import type { Position } from '../source-map'

/** The write fields of Zendesk's ticket create body (zendesk.md §4.2, §4.5). */
export const TICKET_TYPES = ['problem', 'incident', 'question', 'task'] as const
export const TICKET_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const
export const TICKET_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const

/** The fields the checks read, relative to the `ticket` object. */
export const TICKET_FIELD_PATHS = [
  'comment',
  'comment.body',
  'comment.html_body',
  'description',
  'type',
  'priority',
  'status',
  'requester_id',
  'requester',
  'requester.email',
  'requester.name',
] as const
export type TicketFieldPath = (typeof TICKET_FIELD_PATHS)[number]

/** One field as found in the body: its JSON type, value and where it came from. */
export interface TicketField {
  type: NodeType
  value: unknown
  position: Position | null
  /** E.g. " (set on line 7: {% assign ticket_status = 'New' %})", or "". */
  origin: string
}

export type TicketFields = Partial<Record<TicketFieldPath, TicketField>>

/** Fields whose checks depend only on their values (not on who the message is for). */
export const VALUE_ONLY_PATHS: ReadonlySet<TicketFieldPath> = new Set([
  'comment',
  'comment.body',
  'comment.html_body',
  'description',
  'type',
  'priority',
  'status',
])

/** Comment, type, priority and status: the same values give the same problems for anyone. */
export function ticketValueProblems(fields: TicketFields, ticketAt: Position | null): Problem[] {
  return [
    ...commentProblems(fields, ticketAt),
    ...enumProblem(fields.type, 'type', TICKET_TYPES),
    ...enumProblem(fields.priority, 'priority', TICKET_PRIORITIES),
    ...enumProblem(fields.status, 'status', TICKET_STATUSES),
  ]
}

/** requester_id and requester: judged against the user the body was rendered for. */
export function requesterFieldProblems(
  fields: TicketFields,
  user: BrazeUserProfile | null,
): Problem[] {
  return [...requesterIdProblems(fields.requester_id, user), ...requesterProblems(fields)]
}

function text(field: TicketField | undefined): string {
  return typeof field?.value === 'string' ? field.value : ''
}

function commentProblems(fields: TicketFields, ticketAt: Position | null): Problem[] {
  const present = [fields['comment.body'], fields['comment.html_body'], fields.description]
  if (present.some((f) => text(f).trim() !== '')) return []
  return [
    problemAt(
      'error',
      'zendesk-description',
      fields.comment?.position ?? ticketAt,
      'Zendesk would answer 422 "Description: cannot be blank": the ticket has no comment text.',
      'Add "comment": {"body": "…"} with the text of the request.',
    ),
  ]
}

function enumProblem(
  field: TicketField | undefined,
  name: string,
  allowed: readonly string[],
): Problem[] {
  if (!field || field.value === null) return []
  const value = field.value
  if (typeof value === 'string' && allowed.includes(value)) return []
  const code = `zendesk-${name}`
  const list = allowed.join(', ')
  const { position: at, origin } = field
  if (typeof value !== 'string') {
    return [
      problemAt(
        'error',
        code,
        at,
        `"${name}" must be one of ${list} (a string).`,
        `Use one of ${list}.`,
      ),
    ]
  }
  const parts = value.split('/')
  if (parts.length > 1 && parts.every((p) => allowed.includes(p.trim().toLowerCase()))) {
    return [
      problemAt(
        'error',
        code,
        at,
        `"${name}" is "${value}": the template's list of choices, not a value${origin}.`,
        `Pick one: ${parts.map((p) => p.trim()).join(' or ')}.`,
      ),
    ]
  }
  if (allowed.includes(value.toLowerCase())) {
    return [
      problemAt(
        'error',
        code,
        at,
        `"${name}" is "${value}", but Zendesk's API values are lower case: "${value.toLowerCase()}"${origin}.`,
        `Use "${value.toLowerCase()}".`,
      ),
    ]
  }
  if (value === '') {
    return [
      problemAt(
        'error',
        code,
        at,
        `"${name}" is empty${origin}; Zendesk expects one of ${list} or null.`,
        `Set it to one of ${list}, or remove the field.`,
      ),
    ]
  }
  return [
    problemAt(
      'error',
      code,
      at,
      `"${name}" is "${value}", which is not one of ${list}${origin}.`,
      `Use one of ${list}.`,
    ),
  ]
}

const REQUESTER_ID_FIX =
  'Remove requester_id and let requester.email identify the person, or keep the Zendesk user id in a custom attribute (e.g. custom_attribute.${zendesk_user_id}) and print it without quotes.'

function requesterIdProblems(
  field: TicketField | undefined,
  user: BrazeUserProfile | null,
): Problem[] {
  if (!field) return []
  const { value, position: at } = field
  if (typeof value === 'number' && Number.isInteger(value)) return []
  const code = 'zendesk-requester-id'
  if (typeof value === 'string' && /^\d+$/.test(value)) {
    return [
      problemAt(
        'warning',
        code,
        at,
        `requester_id is the string "${value}"; Zendesk documents an integer.`,
        'Print the id without quotes.',
      ),
    ]
  }
  if (value === '' || value === null) {
    return [
      problemAt(
        'error',
        code,
        at,
        'requester_id is empty (this user has no external_id), so Zendesk cannot find the requester.',
        REQUESTER_ID_FIX,
      ),
    ]
  }
  const shown = typeof value === 'string' ? value : JSON.stringify(value)
  const which =
    value === user?.external_id
      ? "this user's Braze external_id ({{${user_id}}})"
      : value === user?.braze_id
        ? "this user's braze_id"
        : 'not a number'
  return [
    problemAt(
      'error',
      code,
      at,
      `requester_id is "${shown}", ${which}; Zendesk needs the integer id of a Zendesk user and answers 422 otherwise (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#create-ticket).`,
      REQUESTER_ID_FIX,
    ),
  ]
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function requesterProblems(fields: TicketFields): Problem[] {
  if (fields.requester?.type !== 'object') return []
  const problems: Problem[] = []
  const emailField = fields['requester.email']
  const email = text(emailField).trim()
  const emailAt = emailField?.position ?? fields.requester.position
  if (email === '') {
    problems.push(
      problemAt(
        'error',
        'zendesk-requester-email',
        emailAt,
        'requester.email is empty for this user: Zendesk can neither find nor create the requester without an email.',
        "Skip users without an email ({% if ${email_address} == blank %}{% abort_message('no email') %}{% endif %}), or identify them another way.",
      ),
    )
  } else if (!EMAIL.test(email)) {
    problems.push(
      problemAt(
        'error',
        'zendesk-requester-email',
        emailAt,
        `Zendesk would answer 422 "Requester: Email: ${email} is not properly formatted".`,
        'Send a valid email address.',
      ),
    )
  }
  const name = fields['requester.name']
  if (name && text(name).trim() === '') {
    problems.push(
      problemAt(
        'error',
        'zendesk-requester-name',
        name.position,
        'requester.name is blank: Zendesk would answer 422 "Requester: Name:  is too short (minimum is 1 character)".',
        "Give the name a default, e.g. {{${first_name} | default: 'Customer'}}.",
      ),
    )
  }
  return problems
}
