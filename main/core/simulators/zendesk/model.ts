import type {
  TicketPriority,
  TicketStatus,
  TicketType,
  ViaChannel,
} from '../../zendesk/field-values'
import type { PlaceholderUser } from '../../zendesk/placeholders/placeholder-context'

/** The simulated account's records, in memory. Field meanings follow reference/zendesk.md §4. */

/** A user as stored: what placeholders read, plus the account's own bookkeeping. */
export interface ZdUser extends PlaceholderUser {
  tags: string[]
  userFields: Record<string, unknown>
  verified: boolean
  active: boolean
  suspended: boolean
  createdAt: Date
  updatedAt: Date
}

export interface ZdComment {
  id: number
  authorId: number
  body: string
  htmlBody: string
  public: boolean
  via: ViaChannel
  createdAt: Date
}

export interface CustomFieldValue {
  id: number
  value: unknown
}

export interface ZdTicket {
  id: number
  externalId: string | null
  subject: string | null
  description: string
  status: TicketStatus
  priority: TicketPriority | null
  type: TicketType | null
  requesterId: number
  submitterId: number
  assigneeId: number | null
  groupId: number | null
  organizationId: number | null
  tags: string[]
  customFields: CustomFieldValue[]
  via: ViaChannel
  createdAt: Date
  updatedAt: Date
  comments: ZdComment[]
}

/** A custom ticket field with a regular expression, for the `InvalidValue` 422 of §4.5. */
export interface TicketFieldDefinition {
  id: number
  title: string
  regexp: string
}

export type WebhookAuthentication =
  | { type: 'bearer_token'; data: { token: string }; add_position: 'header' }
  | { type: 'basic_auth'; data: { username: string; password: string }; add_position: 'header' }
  | { type: 'api_key'; data: { name: string; value: string }; add_position: 'header' }

export type WebhookHttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
export type WebhookRequestFormat = 'json' | 'xml' | 'form_encoded'

export interface ZdWebhook {
  id: string
  name: string
  description: string | null
  status: 'active' | 'inactive'
  endpoint: string
  httpMethod: WebhookHttpMethod
  requestFormat: WebhookRequestFormat
  subscriptions: string[]
  authentication: WebhookAuthentication | null
  customHeaders: Record<string, string>
  signingSecret: string
  createdAt: Date
  updatedAt: Date
  createdBy: string
  updatedBy: string
}

export interface TriggerCondition {
  field: string
  operator: string
  value?: unknown
}

export interface TriggerAction {
  field: string
  value: unknown
}

export interface ZdTrigger {
  id: number
  title: string
  description: string | null
  active: boolean
  position: number
  conditions: { all: TriggerCondition[]; any: TriggerCondition[] }
  actions: TriggerAction[]
  categoryId: string | null
  createdAt: Date
  updatedAt: Date
}

export interface ZdJobStatus {
  id: string
  jobType: string
  total: number
  progress: number
  status: 'queued' | 'working' | 'failed' | 'completed'
  message: string | null
  results: unknown[]
  createdAt: Date
}
