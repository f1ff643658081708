import { scalarText } from '../../zendesk/scalar-text'
import { Drop } from 'liquidjs'
import type {
  TicketPriority,
  TicketStatus,
  TicketType,
  ViaChannel,
  ZdComment,
  ZdTicket,
  ZdUser,
} from './model'
import { apiTime } from './json-views'

/**
 * The objects Zendesk placeholders read (reference/zendesk.md §6.2). Values are the *display*
 * strings a trigger renders, not the API's: `Solved`, not `solved`.
 */

const STATUS_DISPLAY: Record<TicketStatus, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  hold: 'On-hold',
  solved: 'Solved',
  closed: 'Closed',
}
const PRIORITY_DISPLAY: Record<TicketPriority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
}
const TYPE_DISPLAY: Record<TicketType, string> = {
  question: 'Question',
  incident: 'Incident',
  problem: 'Problem',
  task: 'Task',
}
/** §6.2: the source type's name; a REST create shows as "Web service" (§4.3). */
const VIA_DISPLAY: Record<ViaChannel, string> = {
  api: 'Web service',
  web: 'Web form',
  email: 'Email',
  rule: 'Trigger',
}
const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  de: 'German',
  ja: 'Japanese',
  pt: 'Portuguese',
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Zendesk's internal via ids, as they appear in the Ruby inspect of a comment (§6.3). */
const VIA_IDS: Record<ViaChannel, number> = { web: 0, email: 4, api: 5, rule: 8 }

/** `ticket.created_at`: a date such as `May 18, 2014` (placeholders reference). */
function displayDate(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`
}

/** `*_with_timestamp`: ISO-8601 to the minute, e.g. `2013-12-12T05:35Z` (§6.2). */
export function minuteTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 16)}Z`
}

/** A comment prints as its text but also has properties (`.value`, `.author.name`…). */
export class CommentDrop extends Drop {
  readonly id: number
  readonly value: string
  readonly is_public: boolean
  readonly author: Record<string, unknown>
  readonly created_at: string
  readonly attachments: never[] = []

  constructor(
    readonly comment: ZdComment,
    author: ZdUser | undefined,
    readonly ticketId: number,
    readonly accountId: number,
  ) {
    super()
    this.id = comment.id
    this.value = comment.body
    this.is_public = comment.public
    this.author = author ? userScope(author) : {}
    this.created_at = displayDate(comment.createdAt)
  }

  override valueOf(): string {
    return this.comment.body
  }
}

/** A bare collection renders as Ruby `inspect` output, which Pipedream has to regex-parse (§6.3). */
export function rubyInspect(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(rubyInspect).join(', ')}]`
  if (value instanceof CommentDrop) return inspectComment(value)
  if (value === null || value === undefined) return 'nil'
  if (typeof value === 'string') return rubyString(value)
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    return `{${entries.map(([k, v]) => `${rubyString(k)}=>${rubyInspect(v)}`).join(', ')}}`
  }
  return scalarText(value)
}

function inspectComment(drop: CommentDrop): string {
  const { comment } = drop
  const time = rubyTime(comment.createdAt)
  const fields: Array<[string, string]> = [
    ['id', String(comment.id)],
    ['account_id', String(drop.accountId)],
    ['parent_id', 'nil'],
    ['ticket_id', String(drop.ticketId)],
    ['author_id', String(comment.authorId)],
    ['created_at', rubyString(time)],
    ['via_id', String(VIA_IDS[comment.via])],
    ['via_reference_id', 'nil'],
    ['is_public', String(comment.public)],
    ['type', '"Comment"'],
    ['value', rubyString(comment.body)],
    ['value_previous', 'nil'],
    ['value_reference', 'nil'],
    ['updated_at', rubyString(time)],
    ['notification_sent_at', 'nil'],
  ]
  return `#<Comment ${fields.map(([k, v]) => `${k}: ${v}`).join(', ')}>`
}

function rubyTime(date: Date): string {
  const iso = date.toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${iso.slice(20, 23)}000000 +0000`
}

function rubyString(text: string): string {
  return JSON.stringify(text).replace(/#\{/g, '\\#{')
}

export function userScope(user: ZdUser): Record<string, unknown> {
  const [first = '', ...rest] = user.name.split(' ')
  const language = user.locale.split('-')[0] ?? user.locale
  return {
    id: user.id,
    name: user.name,
    first_name: first,
    last_name: rest.join(' '),
    email: user.email ?? '',
    phone: user.phone ?? '',
    language: LANGUAGE_NAMES[language] ?? user.locale,
    locale: user.locale,
    external_id: user.externalId ?? '',
    role: user.role,
    extended_role: user.role,
    details: user.details ?? '',
    notes: user.notes ?? '',
    signature: '',
    time_zone: user.timeZone,
    tags: user.tags.join(' '),
    organization: { name: '', id: '', details: '', notes: '' },
    custom_fields: { ...user.userFields },
    requester_field: user.name || (user.email ?? ''),
  }
}

export interface ScopeInput {
  ticket: ZdTicket
  users: ReadonlyMap<number, ZdUser>
  currentUser: ZdUser
  /** e.g. `127.0.0.1:41234`: `ticket.url` has no scheme, `ticket.link` has one (§6.2). */
  host: string
  origin: string
  accountName: string
  accountId: number
}

export function placeholderScope(input: ScopeInput): Record<string, unknown> {
  const { ticket, users } = input
  const comments = ticket.comments.map(
    (comment) => new CommentDrop(comment, users.get(comment.authorId), ticket.id, input.accountId),
  )
  const publicComments = comments.filter((drop) => drop.is_public)
  const latest = comments.at(-1)
  const latestPublic = publicComments.at(-1)
  const requester = users.get(ticket.requesterId)
  const assignee = ticket.assigneeId === null ? undefined : users.get(ticket.assigneeId)
  const submitter = users.get(ticket.submitterId)
  const fields: Record<string, unknown> = {}
  for (const field of ticket.customFields) {
    fields[`ticket_field_${field.id}`] = field.value ?? ''
    fields[`ticket_field_option_title_${field.id}`] = field.value ?? ''
  }
  return {
    ticket: {
      id: ticket.id,
      title: ticket.subject ?? '',
      description: ticket.description,
      verbatim_description: ticket.description,
      external_id: ticket.externalId ?? '',
      status: STATUS_DISPLAY[ticket.status],
      priority: ticket.priority ? PRIORITY_DISPLAY[ticket.priority] : '',
      ticket_type: ticket.type ? TYPE_DISPLAY[ticket.type] : '',
      via: VIA_DISPLAY[ticket.via],
      url: `${input.host}/agent/tickets/${ticket.id}`,
      link: `${input.origin}/agent/tickets/${ticket.id}`,
      account: input.accountName,
      brand: { name: input.accountName },
      group: { name: '' },
      organization: { name: '', external_id: '', details: '', notes: '', custom_fields: {} },
      tags: ticket.tags.join(' '),
      ccs: '',
      cc_names: '',
      created_at: displayDate(ticket.createdAt),
      created_at_with_timestamp: minuteTimestamp(ticket.createdAt),
      updated_at: displayDate(ticket.updatedAt),
      updated_at_with_timestamp: minuteTimestamp(ticket.updatedAt),
      due_date: '',
      due_date_with_timestamp: '',
      in_business_hours: true,
      current_holiday_name: '',
      ticket_form: '',
      requester: requester ? userScope(requester) : {},
      requester_field: requester ? userScope(requester).requester_field : '',
      assignee: assignee ? userScope(assignee) : {},
      submitter: submitter ? userScope(submitter) : {},
      comments,
      public_comments: publicComments,
      latest_comment: latest ?? '',
      latest_public_comment: latestPublic ?? '',
      latest_comment_html: latest ? commentHtml(latest.comment) : '',
      latest_public_comment_html: latestPublic ? commentHtml(latestPublic.comment) : '',
      latest_comment_formatted: latest ? formatted(latest) : '',
      latest_public_comment_formatted: latestPublic ? formatted(latestPublic) : '',
      comments_formatted: [...comments].reverse().map(formatted).join('\n\n'),
      public_comments_formatted: [...publicComments].reverse().map(formatted).join('\n\n'),
      ...fields,
    },
    current_user: userScope(input.currentUser),
    satisfaction: {
      current_rating: '',
      current_comment: '',
      rating_section: '',
      rating_url: '',
      positive_rating_url: '',
      negative_rating_url: '',
    },
  }
}

function commentHtml(comment: ZdComment): string {
  return comment.htmlBody ?? `<p>${escapeHtml(comment.body).replace(/\n/g, '<br>')}</p>`
}

/** The e-mail style block of the `*_formatted` placeholders (§6.2). */
function formatted(drop: CommentDrop): string {
  const author = typeof drop.author.name === 'string' ? drop.author.name : ''
  const at = apiTime(drop.comment.createdAt).slice(11, 16)
  return `----------------------------------------------\n\n${author}, ${drop.created_at}, ${at}\n\n${drop.value}`
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}
