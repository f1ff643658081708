import type { SampleTicket } from '../../../shared/contract/triggers'
import { isRecord } from '../../../shared/is-record'
import {
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketPriority,
  type TicketStatus,
  type TicketType,
  type UserRole,
  type ViaChannel,
} from '../zendesk/field-values'
import type {
  PlaceholderContext,
  PlaceholderEscaping,
  PlaceholderTicket,
  PlaceholderUser,
} from '../zendesk/placeholders/placeholder-context'

/**
 * A sample ticket in the REST API's shape (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/)
 * as the placeholder engine reads it. Missing fields read as Zendesk shows them when unset.
 */

/** Who "made the change" when the trigger fired: the assignee, or an agent standing in. */
const PREVIEW_AGENT: PlaceholderUser = {
  id: 1,
  name: 'Preview Agent',
  email: 'agent@example.com',
  phone: null,
  externalId: null,
  role: 'agent',
  locale: 'en-US',
  timeZone: 'UTC',
  tags: [],
  userFields: {},
  details: null,
  notes: null,
}

const EPOCH = new Date('2026-01-01T00:00:00Z')

export function placeholderContext(
  sample: SampleTicket,
  escaping: PlaceholderEscaping,
): PlaceholderContext {
  const ticket = placeholderTicketFrom(sample)
  return {
    ticket,
    currentUser: ticket.assignee ?? PREVIEW_AGENT,
    account: accountOf(sample.ticket),
    escaping,
  }
}

export function placeholderTicketFrom(sample: SampleTicket): PlaceholderTicket {
  const t = sample.ticket
  const users = new Map<number, PlaceholderUser>()
  for (const raw of sample.users) {
    const user = userFrom(raw)
    if (user) users.set(user.id, user)
  }
  const person = (key: string) => {
    const id = num(t[key])
    return id === null ? undefined : users.get(id)
  }
  const requester = person('requester_id')
  const createdAt = date(t.created_at)
  const description = str(t.description) ?? ''
  return {
    id: num(t.id) ?? 0,
    externalId: str(t.external_id),
    subject: str(t.subject) ?? str(t.raw_subject),
    description,
    status: oneOf<TicketStatus>(t.status, TICKET_STATUSES, 'open'),
    priority: oneOfOrNull<TicketPriority>(t.priority, TICKET_PRIORITIES),
    type: oneOfOrNull<TicketType>(t.type, TICKET_TYPES),
    via: viaOf(t.via),
    tags: Array.isArray(t.tags)
      ? t.tags.filter((tag): tag is string => typeof tag === 'string')
      : [],
    customFields: Array.isArray(t.custom_fields)
      ? t.custom_fields.filter(isRecord).flatMap((f) => {
          const id = num(f.id)
          return id === null ? [] : [{ id, value: f.value }]
        })
      : [],
    createdAt,
    updatedAt: date(t.updated_at),
    // The first comment is the description (§6.2); later comments are not in the ticket JSON.
    comments: description
      ? [
          {
            id: 1,
            authorId: requester?.id ?? 0,
            ...(requester ? { author: requester } : {}),
            body: description,
            public: true,
            via: viaOf(t.via),
            createdAt,
          },
        ]
      : [],
    requester,
    submitter: person('submitter_id'),
    assignee: person('assignee_id'),
  }
}

function userFrom(raw: Record<string, unknown>): PlaceholderUser | null {
  const id = num(raw.id)
  if (id === null) return null
  return {
    id,
    name: str(raw.name) ?? '',
    email: str(raw.email),
    phone: str(raw.phone),
    externalId: str(raw.external_id),
    role: oneOf<UserRole>(raw.role, ['end-user', 'agent', 'admin'], 'end-user'),
    locale: str(raw.locale) ?? 'en-US',
    timeZone: str(raw.iana_time_zone) ?? str(raw.time_zone) ?? 'UTC',
    tags: Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string') : [],
    userFields: isRecord(raw.user_fields) ? raw.user_fields : {},
    details: str(raw.details),
    notes: str(raw.notes),
  }
}

/** `ticket.url` is `https://SUB.zendesk.com/api/v2/tickets/1.json`: the account is its origin. */
function accountOf(ticket: Record<string, unknown>): PlaceholderContext['account'] {
  let origin = 'https://example.zendesk.com'
  const url = str(ticket.url)
  if (url) {
    try {
      origin = new URL(url).origin
    } catch {
      // A hand-written sample may carry any text here; the example account stands in.
    }
  }
  return { id: 1, name: new URL(origin).hostname.split('.')[0] ?? 'example', origin }
}

const VIA: Record<string, ViaChannel> = { api: 'api', web: 'web', email: 'email', rule: 'rule' }

function viaOf(value: unknown): ViaChannel {
  const channel = isRecord(value) ? value.channel : undefined
  return (typeof channel === 'string' && VIA[channel]) || 'api'
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null
}

function num(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof n === 'number' && Number.isFinite(n) ? n : null
}

function date(value: unknown): Date {
  const parsed = typeof value === 'string' ? new Date(value) : EPOCH
  return Number.isNaN(parsed.getTime()) ? EPOCH : parsed
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback
}

function oneOfOrNull<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  return allowed.includes(value as T) ? (value as T) : null
}
