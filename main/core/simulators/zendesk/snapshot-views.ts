import type {
  ZendeskTicketView,
  ZendeskTriggerView,
  ZendeskUserView,
  ZendeskWebhookView,
} from '../../../../shared/contract/simulators'
import type { ZdTicket, ZdTrigger, ZdUser, ZdWebhook } from './model'

/** The Simulators screen's view of each record: no secrets, camelCase, ISO times. */

export function userView(user: ZdUser): ZendeskUserView {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    phone: user.phone,
    externalId: user.externalId,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
  }
}

export function ticketView(
  ticket: ZdTicket,
  users: ReadonlyMap<number, ZdUser>,
): ZendeskTicketView {
  const requester = users.get(ticket.requesterId)
  return {
    id: ticket.id,
    subject: ticket.subject,
    description: ticket.description,
    status: ticket.status,
    priority: ticket.priority,
    type: ticket.type,
    requesterId: ticket.requesterId,
    requesterName: requester?.name ?? null,
    requesterExternalId: requester?.externalId ?? null,
    assigneeId: ticket.assigneeId,
    tags: [...ticket.tags],
    externalId: ticket.externalId,
    viaChannel: ticket.via,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    comments: ticket.comments.map((comment) => ({
      id: comment.id,
      authorId: comment.authorId,
      body: comment.body,
      public: comment.public,
      createdAt: comment.createdAt.toISOString(),
    })),
  }
}

export function webhookView(webhook: ZdWebhook): ZendeskWebhookView {
  return {
    id: webhook.id,
    name: webhook.name,
    status: webhook.status,
    endpoint: webhook.endpoint,
    httpMethod: webhook.httpMethod,
    requestFormat: webhook.requestFormat,
    subscriptions: [...webhook.subscriptions],
    authenticationType: webhook.authentication?.type ?? null,
    createdAt: webhook.createdAt.toISOString(),
  }
}

export function triggerView(trigger: ZdTrigger): ZendeskTriggerView {
  return {
    id: trigger.id,
    title: trigger.title,
    active: trigger.active,
    position: trigger.position,
    conditions: structuredClone(trigger.conditions),
    actions: structuredClone(trigger.actions),
  }
}
