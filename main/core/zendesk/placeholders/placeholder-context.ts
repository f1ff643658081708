import type {
  TicketPriority,
  TicketStatus,
  TicketType,
  UserRole,
  ViaChannel,
} from '../field-values'

/**
 * What Zendesk placeholders read when a trigger fires: one ticket with its people resolved, the
 * account, and how inserted values are escaped. Any Zendesk ticket can be described this way:
 * the simulator's, or one fetched from a real account for a preview.
 */

export interface PlaceholderUser {
  id: number
  name: string
  email: string | null
  phone: string | null
  externalId: string | null
  role: UserRole
  /** e.g. `en-US`. */
  locale: string
  /** IANA name, e.g. `Europe/London`. */
  timeZone: string
  tags: readonly string[]
  /** Custom user fields by key (`{{ticket.requester.custom_fields.KEY}}`). */
  userFields: Readonly<Record<string, unknown>>
  details: string | null
  notes: string | null
}

export interface PlaceholderComment {
  id: number
  authorId: number
  /** Absent when the author is unknown: `.author.*` then renders empty. */
  author?: PlaceholderUser
  body: string
  htmlBody?: string | null
  public: boolean
  via: ViaChannel
  createdAt: Date
}

export interface PlaceholderOrganization {
  id: number
  name: string
  externalId: string | null
  details: string | null
  notes: string | null
  /** Custom organization fields by key. */
  organizationFields: Readonly<Record<string, unknown>>
}

export interface PlaceholderTicket {
  id: number
  externalId: string | null
  subject: string | null
  description: string
  status: TicketStatus
  priority: TicketPriority | null
  type: TicketType | null
  via: ViaChannel
  tags: readonly string[]
  /** Custom ticket fields (`{{ticket.ticket_field_ID}}`). */
  customFields: ReadonlyArray<{ id: number; value: unknown }>
  createdAt: Date
  updatedAt: Date
  /** Oldest first. */
  comments: readonly PlaceholderComment[]
  requester?: PlaceholderUser
  submitter?: PlaceholderUser
  assignee?: PlaceholderUser
  organization?: PlaceholderOrganization
  group?: { name: string }
}

export interface PlaceholderAccount {
  id: number
  /** Shown by `{{ticket.account}}` and `{{ticket.brand.name}}`. */
  name: string
  /** e.g. `https://acme.zendesk.com`: `ticket.link` has the scheme, `ticket.url` not (§6.2). */
  origin: string
}

/**
 * Whether Zendesk JSON-escapes inserted values is an open question (§6.3, §9 Q1), so both modes
 * exist: `json` escapes each value for a JSON string (`"` → `\"`, newline → `\n`); `raw` inserts
 * the text as-is, which breaks JSON on a quote or newline, as older targets did.
 */
export type PlaceholderEscaping = 'json' | 'raw'

export interface PlaceholderContext {
  ticket: PlaceholderTicket
  /** Who made the change that fired the trigger (`{{current_user.*}}`). */
  currentUser: PlaceholderUser
  account: PlaceholderAccount
  escaping: PlaceholderEscaping
}
