import type { ZendeskTicketStatus } from '../../../shared/contract/simulators'

/** The values Zendesk's ticket and user fields take (reference/zendesk.md §4). */

export type UserRole = 'end-user' | 'agent' | 'admin'
export type TicketStatus = ZendeskTicketStatus
export type TicketPriority = 'urgent' | 'high' | 'normal' | 'low'
export type TicketType = 'problem' | 'incident' | 'question' | 'task'
/** `api` is what a REST create shows ("Web service"); `rule` marks trigger changes (§4.3). */
export type ViaChannel = 'api' | 'web' | 'email' | 'rule'

export const TICKET_STATUSES: readonly TicketStatus[] = [
  'new',
  'open',
  'pending',
  'hold',
  'solved',
  'closed',
]
export const TICKET_PRIORITIES: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent']
export const TICKET_TYPES: readonly TicketType[] = ['problem', 'incident', 'question', 'task']
