import type { ZendeskSimulatorSettings } from '../../../../shared/contract/simulators'
import {
  CLOSED_PREVENTS_UPDATE,
  REQUESTER_NOT_FOUND,
  recordInvalid,
  type ErrorDetails,
} from './error-bodies'
import { auditJson, type AuditEvent } from './json-views'
import type { ZdComment, ZdTicket, ZdUser } from './model'
import type { ViaChannel } from '../../zendesk/field-values'
import { buildNotifications, type BuiltNotification } from './notifications'
import type { PlaceholderRenderer } from '../../zendesk/placeholders/placeholder-renderer'
import { planRequester, toId } from './requester'
import { parseTicketInput, type CommentInput, type TicketInput } from './ticket-input'
import { EMPTY_STATE, stateOf, type TicketState } from './trigger-conditions'
import { runTriggers } from './trigger-runner'
import type { WebhookDelivery } from './webhook-delivery'
import type { ZendeskStore } from './zendesk-store'

export interface TicketServiceDeps {
  store: ZendeskStore
  settings: () => ZendeskSimulatorSettings
  now: () => Date
  renderer: PlaceholderRenderer
  delivery: WebhookDelivery
  account: { id: number; name: string }
  origin: () => string
}

export type TicketOutcome =
  | {
      ok: true
      ticket: ZdTicket
      audit: ReturnType<typeof auditJson>
      /** Queues the fired webhooks. Call it after the answer is sent: delivery follows commit (§6.1). */
      notify: () => void
    }
  | { ok: false; status: 404 | 422; body: object }

const TRACKED_FIELDS: Array<[keyof TicketState, string]> = [
  ['status', 'status'],
  ['priority', 'priority'],
  ['type', 'type'],
  ['assigneeId', 'assignee_id'],
  ['requesterId', 'requester_id'],
  ['groupId', 'group_id'],
  ['tags', 'tags'],
]

/** Ticket create, update and delete, with the business rules that follow each (§4, §6.1). */
export class TicketService {
  constructor(private readonly deps: TicketServiceDeps) {}

  create(ticketBody: Record<string, unknown>, actor: ZdUser, via: ViaChannel): TicketOutcome {
    const { store } = this.deps
    const settings = this.deps.settings()
    const parsed = parseTicketInput(ticketBody, {
      mode: 'create',
      settings,
      ticketFields: store.ticketFields,
    })
    const requester = planRequester(ticketBody, actor, store, settings)
    const details: ErrorDetails = parsed.ok ? {} : { ...parsed.details }
    if (!requester.ok) details.requester = [requester.error]
    if (!parsed.ok || !requester.ok) return { ok: false, status: 422, body: recordInvalid(details) }

    const now = this.deps.now()
    const requesterUser =
      'existing' in requester
        ? requester.existing
        : store.addUser({
            ...requester.create,
            id: store.takeUserId(),
            createdAt: now,
            updatedAt: now,
          })
    const input = parsed.input
    const comment = this.comment(input.comment!, actor, via, now)
    const assigneeId = input.assigneeId ?? null
    const ticket: ZdTicket = {
      id: store.takeTicketId(),
      externalId: input.externalId ?? null,
      subject: input.subject ?? null,
      description: comment.body,
      status: input.status ?? (assigneeId === null ? 'new' : settings.statusOnCreateWithAssignee),
      priority: input.priority ?? null,
      type: input.type ?? null,
      requesterId: requesterUser.id,
      submitterId: actor.id,
      assigneeId,
      groupId: input.groupId ?? null,
      organizationId: null,
      tags: input.tags ?? [],
      customFields: input.customFields ?? [],
      via,
      createdAt: now,
      updatedAt: now,
      comments: [comment],
    }
    const events = this.changeEvents(EMPTY_STATE, ticket, 'Create', comment)
    return this.commit(ticket, EMPTY_STATE, 'Create', { comment, actor, via, events, now })
  }

  update(
    id: number,
    ticketBody: Record<string, unknown>,
    actor: ZdUser,
    via: ViaChannel,
  ): TicketOutcome {
    const { store } = this.deps
    const existing = store.tickets.get(id)
    if (!existing) return { ok: false, status: 404, body: {} }
    if (existing.status === 'closed') {
      return { ok: false, status: 422, body: recordInvalid({ status: [CLOSED_PREVENTS_UPDATE] }) }
    }
    const settings = this.deps.settings()
    const parsed = parseTicketInput(ticketBody, {
      mode: 'update',
      settings,
      ticketFields: store.ticketFields,
    })
    let requesterId: number | undefined
    const details: ErrorDetails = parsed.ok ? {} : { ...parsed.details }
    if (ticketBody.requester_id !== undefined) {
      const found = store.users.get(toId(ticketBody.requester_id) ?? -1)
      if (found) requesterId = found.id
      else details.requester = [REQUESTER_NOT_FOUND]
    }
    if (!parsed.ok || Object.keys(details).length > 0) {
      return { ok: false, status: 422, body: recordInvalid(details) }
    }

    const now = this.deps.now()
    const previous = stateOf(existing)
    const ticket: ZdTicket = {
      ...existing,
      tags: [...existing.tags],
      comments: [...existing.comments],
    }
    applyInput(ticket, parsed.input)
    if (requesterId !== undefined) ticket.requesterId = requesterId
    const comment = parsed.input.comment
      ? this.comment(parsed.input.comment, actor, via, now)
      : null
    if (comment) ticket.comments.push(comment)
    ticket.updatedAt = now
    const events = this.changeEvents(previous, ticket, 'Change', comment)
    return this.commit(ticket, previous, 'Change', { comment, actor, via, events, now })
  }

  private commit(
    ticket: ZdTicket,
    previous: TicketState,
    updateType: 'Create' | 'Change',
    change: {
      comment: ZdComment | null
      actor: ZdUser
      via: ViaChannel
      events: AuditEvent[]
      now: Date
    },
  ): TicketOutcome {
    const { store } = this.deps
    const run = runTriggers(
      store.activeTriggers(),
      {
        updateType,
        previous,
        current: ticket,
        comment: change.comment ? { public: change.comment.public } : null,
        actor: change.actor,
        via: change.via,
      },
      () => store.takeAuditId(),
    )
    store.saveTicket(ticket, updateType === 'Create' ? 'created' : 'updated')
    const built: BuiltNotification[] = buildNotifications(run.notifications, ticket, change.actor, {
      store,
      renderer: this.deps.renderer,
      settings: this.deps.settings(),
      account: this.deps.account,
      origin: this.deps.origin(),
    })
    const audit = auditJson({
      id: store.takeAuditId(),
      ticketId: ticket.id,
      authorId: change.actor.id,
      createdAt: change.now,
      events: [...change.events, ...run.events],
    })
    let notified = false
    const notify = () => {
      if (notified) return
      notified = true
      for (const item of built) {
        if (item.ok) this.deps.delivery.enqueue(item.job)
        else this.deps.delivery.reject(item.job, item.error)
      }
    }
    return { ok: true, ticket, audit, notify }
  }

  private comment(input: CommentInput, actor: ZdUser, via: ViaChannel, now: Date): ZdComment {
    return {
      id: this.deps.store.takeCommentId(),
      authorId: actor.id,
      body: input.body,
      htmlBody:
        input.htmlBody ?? `<div class="zd-comment" dir="auto">${escapeHtml(input.body)}</div>`,
      public: input.public,
      via,
      createdAt: now,
    }
  }

  private changeEvents(
    previous: TicketState,
    ticket: ZdTicket,
    type: 'Create' | 'Change',
    comment: ZdComment | null,
  ): AuditEvent[] {
    const { store } = this.deps
    const current = stateOf(ticket)
    const events: AuditEvent[] = []
    if (comment) {
      events.push({
        id: store.takeAuditId(),
        type: 'Comment',
        author_id: comment.authorId,
        body: comment.body,
        html_body: comment.htmlBody,
        plain_body: comment.body,
        public: comment.public,
        attachments: [],
      })
    }
    if (type === 'Create')
      events.push({
        id: store.takeAuditId(),
        type: 'Create',
        field_name: 'subject',
        value: ticket.subject,
      })
    for (const [key, name] of TRACKED_FIELDS) {
      if (JSON.stringify(previous[key]) === JSON.stringify(current[key])) continue
      events.push(
        type === 'Create'
          ? { id: store.takeAuditId(), type: 'Create', field_name: name, value: current[key] }
          : {
              id: store.takeAuditId(),
              type: 'Change',
              field_name: name,
              value: current[key],
              previous_value: previous[key],
            },
      )
    }
    return events
  }
}

function applyInput(ticket: ZdTicket, input: TicketInput): void {
  if (input.subject !== undefined) ticket.subject = input.subject
  if (input.status !== undefined) ticket.status = input.status
  if (input.priority !== undefined) ticket.priority = input.priority
  if (input.type !== undefined) ticket.type = input.type
  if (input.assigneeId !== undefined) ticket.assigneeId = input.assigneeId
  if (input.groupId !== undefined) ticket.groupId = input.groupId
  if (input.externalId !== undefined) ticket.externalId = input.externalId
  if (input.tags !== undefined) ticket.tags = input.tags
  if (input.customFields !== undefined) {
    const merged = new Map(ticket.customFields.map((field) => [field.id, field]))
    for (const field of input.customFields) merged.set(field.id, field)
    ticket.customFields = [...merged.values()]
  }
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\n/g, '<br>')
}
