import { CommentDrop } from './comment-drop'
import {
  displayDate,
  languageName,
  minuteTimestamp,
  PRIORITY_DISPLAY,
  STATUS_DISPLAY,
  TYPE_DISPLAY,
  VIA_DISPLAY,
} from './display-values'
import type { PlaceholderComment, PlaceholderContext, PlaceholderUser } from './placeholder-context'

/**
 * The objects Zendesk placeholders read (reference/zendesk.md §6.2,
 * https://support.zendesk.com/hc/en-us/articles/4408886858138). Values are the display strings
 * a trigger renders.
 */

/** Stands for a person the ticket does not have (no assignee yet): every field renders empty. */
export const NO_USER: Readonly<Record<string, unknown>> = Object.freeze({})

export function userScope(user: PlaceholderUser): Record<string, unknown> {
  const [first = '', ...rest] = user.name.split(' ')
  return {
    id: user.id,
    name: user.name,
    first_name: first,
    last_name: rest.join(' '),
    email: user.email ?? '',
    phone: user.phone ?? '',
    language: languageName(user.locale),
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

/** A person with no details: what an unset requester or assignee renders as. */
export const BLANK_USER: PlaceholderUser = {
  id: 0,
  name: '',
  email: null,
  phone: null,
  externalId: null,
  role: 'end-user',
  locale: 'en-US',
  timeZone: 'UTC',
  tags: [],
  userFields: {},
  details: null,
  notes: null,
}
/** The fields every person placeholder has (`ticket.requester.*`, `current_user.*`). */
export const USER_PLACEHOLDERS: ReadonlySet<string> = new Set(Object.keys(userScope(BLANK_USER)))

const personScope = (user: PlaceholderUser | undefined) => (user ? userScope(user) : NO_USER)

export function placeholderScope(context: PlaceholderContext): Record<string, unknown> {
  const { ticket, account } = context
  const comments = ticket.comments.map(
    (comment) => new CommentDrop(comment, personScope(comment.author), ticket.id, account.id),
  )
  const publicComments = comments.filter((drop) => drop.is_public)
  const latest = comments.at(-1)
  const latestPublic = publicComments.at(-1)
  const requester = ticket.requester ? userScope(ticket.requester) : undefined
  const fields: Record<string, unknown> = {}
  for (const field of ticket.customFields) {
    fields[`ticket_field_${field.id}`] = field.value ?? ''
    fields[`ticket_field_option_title_${field.id}`] = field.value ?? ''
  }
  const organization = ticket.organization
  const host = new URL(account.origin).host
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
      url: `${host}/agent/tickets/${ticket.id}`,
      link: `${account.origin}/agent/tickets/${ticket.id}`,
      account: account.name,
      brand: { name: account.name },
      group: { name: ticket.group?.name ?? '' },
      organization: {
        name: organization?.name ?? '',
        external_id: organization?.externalId ?? '',
        details: organization?.details ?? '',
        notes: organization?.notes ?? '',
        custom_fields: { ...organization?.organizationFields },
      },
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
      requester: requester ?? NO_USER,
      requester_field: requester?.requester_field ?? '',
      assignee: personScope(ticket.assignee),
      submitter: personScope(ticket.submitter),
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
    current_user: userScope(context.currentUser),
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

function commentHtml(comment: PlaceholderComment): string {
  return comment.htmlBody ?? `<p>${escapeHtml(comment.body).replace(/\n/g, '<br>')}</p>`
}

/** The e-mail style block of the `*_formatted` placeholders (§6.2). */
function formatted(drop: CommentDrop): string {
  const author = typeof drop.author.name === 'string' ? drop.author.name : ''
  const at = drop.comment.createdAt.toISOString().slice(11, 16)
  return `----------------------------------------------\n\n${author}, ${drop.created_at}, ${at}\n\n${drop.value}`
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}
