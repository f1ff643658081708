import { z } from 'zod'
import type { Problem } from '../../../../shared/contract/problems'
import {
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketPriority,
  type TicketStatus,
  type TicketType,
  type UserRole,
  type ViaChannel,
} from '../field-values'
import type {
  PlaceholderAccount,
  PlaceholderComment,
  PlaceholderContext,
  PlaceholderEscaping,
  PlaceholderTicket,
  PlaceholderUser,
} from './placeholder-context'
import { BLANK_USER } from './placeholder-scope'

/**
 * A ticket as Zendesk's REST API returns it (GET /api/v2/tickets/{id}, its users and comments),
 * turned into what trigger placeholders read: so a trigger body can be rendered for a real
 * ticket exactly as for a simulated one
 * (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/).
 */

const id = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)])
const text = z.string().nullish()

export const apiUser = z.looseObject({
  id,
  name: z.string().nullish(),
  email: text,
  phone: text,
  external_id: z.union([z.string(), z.number().transform(String)]).nullish(),
  role: z.string().nullish(),
  locale: text,
  time_zone: text,
  iana_time_zone: text,
  tags: z.array(z.string()).nullish(),
  user_fields: z.record(z.string(), z.unknown()).nullish(),
  details: text,
  notes: text,
})
export type ApiUser = z.infer<typeof apiUser>

export const apiComment = z.looseObject({
  id,
  author_id: id.nullish(),
  body: text,
  plain_body: text,
  html_body: text,
  public: z.boolean().nullish(),
  via: z.looseObject({ channel: z.union([z.string(), z.number()]).nullish() }).nullish(),
  created_at: z.string(),
})
export type ApiComment = z.infer<typeof apiComment>

export const apiTicket = z.looseObject({
  id,
  external_id: z.union([z.string(), z.number().transform(String)]).nullish(),
  subject: text,
  raw_subject: text,
  description: text,
  status: z.string(),
  priority: text,
  type: text,
  via: z.looseObject({ channel: z.union([z.string(), z.number()]).nullish() }).nullish(),
  tags: z.array(z.string()).nullish(),
  custom_fields: z.array(z.looseObject({ id, value: z.unknown() })).nullish(),
  created_at: z.string(),
  updated_at: z.string(),
  requester_id: id.nullish(),
  submitter_id: id.nullish(),
  assignee_id: id.nullish(),
})
export type ApiTicket = z.infer<typeof apiTicket>

/** `{"ticket": {...}}` as the API answers, or the ticket object itself. */
export function readApiTicket(json: unknown): ApiTicket {
  const inner: unknown =
    typeof json === 'object' && json !== null && 'ticket' in json ? json.ticket : json
  const parsed = apiTicket.safeParse(inner)
  if (!parsed.success) {
    throw new Error(
      `This is not a Zendesk ticket as GET /api/v2/tickets/{id} returns it: ${z.prettifyError(parsed.error)}`,
    )
  }
  return parsed.data
}

export interface ApiTicketInput {
  ticket: ApiTicket
  /** The people the ticket names (requester, submitter, assignee, comment authors), by id. */
  users: ReadonlyMap<number, ApiUser>
  /** Oldest first; empty when they could not be read (the description stands in). */
  comments: readonly ApiComment[]
  /** Who made the change that fired the trigger; the requester when unknown. */
  currentUserId?: number
  account: PlaceholderAccount
  escaping: PlaceholderEscaping
}

const VIA: Record<string, ViaChannel> = { api: 'api', web: 'web', email: 'email', rule: 'rule' }

/**
 * The placeholder context for an API ticket, with warnings for what could not be carried over
 * faithfully (an unknown via channel, a person or comments that could not be read).
 */
export function apiTicketContext(input: ApiTicketInput): {
  context: PlaceholderContext
  problems: Problem[]
} {
  const problems: Problem[] = []
  const { ticket } = input
  const person = (userId: number | null | undefined, role: string) => {
    if (userId === null || userId === undefined) return undefined
    const user = input.users.get(userId)
    if (!user)
      problems.push(
        warning(
          'missing-person',
          `The ${role} (user ${userId}) could not be read: ${role} placeholders render empty.`,
        ),
      )
    return user ? placeholderUser(user) : undefined
  }
  const via = viaChannel(ticket.via?.channel, problems)
  const comments: PlaceholderComment[] =
    input.comments.length > 0
      ? input.comments.map((comment) => placeholderComment(comment, input.users))
      : [descriptionComment(ticket, via)]
  const placeholderTicket: PlaceholderTicket = {
    id: ticket.id,
    externalId: ticket.external_id ?? null,
    subject: ticket.subject ?? ticket.raw_subject ?? null,
    description: ticket.description ?? '',
    status: oneOf<TicketStatus>(ticket.status, TICKET_STATUSES) ?? 'open',
    priority: oneOf<TicketPriority>(ticket.priority, TICKET_PRIORITIES),
    type: oneOf<TicketType>(ticket.type, TICKET_TYPES),
    via,
    tags: ticket.tags ?? [],
    customFields: (ticket.custom_fields ?? []).map((field) => ({
      id: field.id,
      value: field.value,
    })),
    createdAt: new Date(ticket.created_at),
    updatedAt: new Date(ticket.updated_at),
    comments,
    requester: person(ticket.requester_id, 'requester'),
    submitter: person(ticket.submitter_id, 'submitter'),
    assignee: person(ticket.assignee_id, 'assignee'),
  }
  const actor = input.currentUserId === undefined ? undefined : input.users.get(input.currentUserId)
  return {
    context: {
      ticket: placeholderTicket,
      currentUser: actor
        ? placeholderUser(actor)
        : (placeholderTicket.requester ?? { ...BLANK_USER }),
      account: input.account,
      escaping: input.escaping,
    },
    problems,
  }
}

function placeholderUser(user: ApiUser): PlaceholderUser {
  return {
    id: user.id,
    name: user.name ?? '',
    email: user.email ?? null,
    phone: user.phone ?? null,
    externalId: user.external_id ?? null,
    role:
      (['end-user', 'agent', 'admin'] as const).find((r) => r === user.role) ??
      ('end-user' satisfies UserRole),
    locale: user.locale ?? 'en-US',
    timeZone: user.iana_time_zone ?? user.time_zone ?? 'UTC',
    tags: user.tags ?? [],
    userFields: user.user_fields ?? {},
    details: user.details ?? null,
    notes: user.notes ?? null,
  }
}

function placeholderComment(
  comment: ApiComment,
  users: ReadonlyMap<number, ApiUser>,
): PlaceholderComment {
  const author =
    comment.author_id === null || comment.author_id === undefined
      ? undefined
      : users.get(comment.author_id)
  return {
    id: comment.id,
    authorId: comment.author_id ?? 0,
    ...(author ? { author: placeholderUser(author) } : {}),
    body: comment.plain_body ?? comment.body ?? '',
    htmlBody: comment.html_body ?? null,
    public: comment.public ?? true,
    via: VIA[String(comment.via?.channel ?? '')] ?? 'api',
    createdAt: new Date(comment.created_at),
  }
}

/** Without the comments, the first one is the description (what `ticket.description` reads). */
function descriptionComment(ticket: ApiTicket, via: ViaChannel): PlaceholderComment {
  return {
    id: 0,
    authorId: ticket.requester_id ?? 0,
    body: ticket.description ?? '',
    public: true,
    via,
    createdAt: new Date(ticket.created_at),
  }
}

function viaChannel(channel: string | number | null | undefined, problems: Problem[]): ViaChannel {
  const known = VIA[String(channel ?? '')]
  if (known) return known
  problems.push(
    warning(
      'unknown-via',
      `The ticket came in through "${String(channel)}", a channel the placeholder engine does not name: {{ticket.via}} renders as "Web service" here and may differ in Zendesk.`,
    ),
  )
  return 'api'
}

function oneOf<T extends string>(
  value: string | null | undefined,
  allowed: readonly T[],
): T | null {
  return allowed.find((candidate) => candidate === value) ?? null
}

function warning(code: string, message: string): Problem {
  return {
    severity: 'warning',
    code,
    message,
    line: null,
    column: null,
    fix: 'Compare the field in the ticket with what the trigger sent.',
  }
}
