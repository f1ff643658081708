import type { ZendeskSimulatorSettings } from '../../../../shared/contract/simulators'
import { isRecord } from '../../../../shared/is-record'
import { scalarText } from '../../zendesk/scalar-text'
import {
  ASSIGNEE_WHILE_ROUTING,
  DESCRIPTION_BLANK,
  customFieldInvalid,
  enumValueInvalid,
  type ErrorDetails,
} from './error-bodies'
import { type CustomFieldValue, type TicketFieldDefinition } from './model'
import {
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketPriority,
  type TicketStatus,
  type TicketType,
} from '../../zendesk/field-values'
import { toId } from './requester'

export interface CommentInput {
  body: string
  htmlBody: string | null
  public: boolean
}

/** The writable ticket fields a create or update carried, already checked (§4.2). */
export interface TicketInput {
  subject?: string | null
  comment?: CommentInput
  status?: TicketStatus
  priority?: TicketPriority | null
  type?: TicketType | null
  assigneeId?: number | null
  groupId?: number | null
  externalId?: string | null
  tags?: string[]
  customFields?: CustomFieldValue[]
}

export type ParsedTicketInput =
  { ok: true; input: TicketInput } | { ok: false; details: ErrorDetails }

export interface TicketInputContext {
  mode: 'create' | 'update'
  settings: ZendeskSimulatorSettings
  ticketFields: readonly TicketFieldDefinition[]
}

/**
 * Reads the `ticket` object of a create or update. Unknown keys are dropped silently, as the real
 * API does (§1.4); names are case-sensitive (§2), so `"Body"` is not a body.
 */
export function parseTicketInput(
  ticket: Record<string, unknown>,
  ctx: TicketInputContext,
): ParsedTicketInput {
  const details: ErrorDetails = {}
  const add = (field: string, detail: ErrorDetails[string][number]) => {
    ;(details[field] ??= []).push(detail)
  }
  const input: TicketInput = {}

  const comment = readComment(ticket.comment)
  if (comment) input.comment = comment
  else if (ctx.mode === 'create' && typeof ticket.description === 'string') {
    input.comment = { body: ticket.description, htmlBody: null, public: true }
  }
  // The first comment becomes the description; without one the create fails (§4.2, §4.5).
  if (ctx.mode === 'create' && (!input.comment || input.comment.body.trim() === '')) {
    add('base', DESCRIPTION_BLANK)
  }

  if ('subject' in ticket)
    input.subject = typeof ticket.subject === 'string' ? ticket.subject : null

  const lenient = ctx.settings.invalidEnumValues === 'ignore'
  const enumField = <T extends string>(key: string, label: string, allowed: readonly T[]) => {
    if (!(key in ticket)) return undefined
    const value = ticket[key]
    if (value === null && key !== 'status') return null
    // API values are lowercase (§4.2); "Open" or "bogus" is refused or dropped (§9 Q5).
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
      return value as T
    if (!lenient) add(key, enumValueInvalid(label, value))
    return undefined
  }
  const status = enumField('status', 'Status', TICKET_STATUSES)
  // Closed tickets can't be created (§4.2, unverified): treated as an invalid value.
  if (status === 'closed' && ctx.mode === 'create') {
    if (!lenient) add('status', enumValueInvalid('Status', status))
  } else if (status) input.status = status
  const priority = enumField('priority', 'Priority', TICKET_PRIORITIES)
  if (priority !== undefined) input.priority = priority
  const type = enumField('type', 'Type', TICKET_TYPES)
  if (type !== undefined) input.type = type

  if ('assignee_id' in ticket) {
    input.assigneeId = ticket.assignee_id === null ? null : toId(ticket.assignee_id)
    if (ctx.mode === 'create' && input.assigneeId !== null && ctx.settings.routingEnabled) {
      add('assignee_id', ASSIGNEE_WHILE_ROUTING)
    }
  }
  if ('group_id' in ticket) input.groupId = ticket.group_id === null ? null : toId(ticket.group_id)
  if ('external_id' in ticket) {
    const value = ticket.external_id
    input.externalId = value === null || value === undefined ? null : scalarText(value)
  }
  if ('tags' in ticket) input.tags = readTags(ticket.tags)

  const fields = ticket.custom_fields ?? ticket.fields
  if (Array.isArray(fields)) {
    input.customFields = []
    for (const field of fields) {
      if (!isRecord(field)) continue
      const id = toId(field.id)
      if (id === null) continue
      const definition = ctx.ticketFields.find((candidate) => candidate.id === id)
      if (definition && typeof field.value === 'string' && field.value !== '') {
        if (!new RegExp(definition.regexp).test(field.value)) {
          add('base', customFieldInvalid(definition.title, definition.id))
          continue
        }
      }
      input.customFields.push({ id, value: field.value ?? null })
    }
  }

  return Object.keys(details).length > 0 ? { ok: false, details } : { ok: true, input }
}

function readComment(value: unknown): CommentInput | null {
  if (!isRecord(value)) return null
  const htmlBody = typeof value.html_body === 'string' ? value.html_body : null
  const body =
    typeof value.body === 'string' ? value.body : htmlBody === null ? '' : stripTags(htmlBody)
  return { body, htmlBody, public: value.public !== false }
}

/** Tags are lowercased and split on spaces (§4.2), duplicates dropped. */
export function readTags(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? [value] : []
  const tags: string[] = []
  for (const item of raw) {
    if (typeof item !== 'string') continue
    for (const tag of item.toLowerCase().split(/\s+/)) {
      if (tag !== '' && !tags.includes(tag)) tags.push(tag)
    }
  }
  return tags
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '').trim()
}
