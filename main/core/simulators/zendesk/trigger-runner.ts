import type { AuditEvent } from './json-views'
import { type TriggerAction, type ZdTicket, type ZdTrigger } from './model'
import { TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from '../../zendesk/field-values'
import { toId } from './requester'
import { readTags } from './ticket-input'
import { conditionsMatch, type TicketChangeContext } from './trigger-conditions'

/** A "notify active webhook" action that fired: the webhook and its unrendered body (§6.1). */
export interface PendingNotification {
  triggerId: number
  webhookId: string
  /** The JSON body template (a string), or `[key, value]` pairs for form/GET webhooks. */
  body: unknown
}

export interface TriggerRun {
  fired: ZdTrigger[]
  notifications: PendingNotification[]
  /** Field changes the triggers made, as audit events with `via.channel = "rule"` (§6.1). */
  events: AuditEvent[]
}

/** The actions the simulator performs; a trigger with any other action is refused at create. */
export const SUPPORTED_ACTIONS = [
  'notification_webhook',
  'status',
  'priority',
  'type',
  'assignee_id',
  'group_id',
  'set_tags',
  'current_tags',
  'remove_tags',
] as const

/**
 * Runs the active triggers on one create or update (§6.1): in position order, each at most once,
 * and again from the top while a pass fires something, since a trigger's change can make another
 * trigger's conditions true. Notifications are only collected here: they are sent after commit.
 */
export function runTriggers(
  triggers: readonly ZdTrigger[],
  ctx: TicketChangeContext,
  nextEventId: () => number,
): TriggerRun {
  const run: TriggerRun = { fired: [], notifications: [], events: [] }
  const fired = new Set<number>()
  let firedThisPass = true
  while (firedThisPass) {
    firedThisPass = false
    for (const trigger of triggers) {
      if (fired.has(trigger.id) || !conditionsMatch(trigger.conditions, ctx)) continue
      fired.add(trigger.id)
      firedThisPass = true
      run.fired.push(trigger)
      for (const action of trigger.actions)
        applyAction(action, trigger, ctx.current, run, nextEventId)
    }
  }
  return run
}

function applyAction(
  action: TriggerAction,
  trigger: ZdTrigger,
  ticket: ZdTicket,
  run: TriggerRun,
  nextEventId: () => number,
): void {
  const change = (field: string, value: unknown, previous: unknown) => {
    if (JSON.stringify(value) === JSON.stringify(previous)) return
    run.events.push({
      id: nextEventId(),
      type: 'Change',
      field_name: field,
      value,
      previous_value: previous,
      via: {
        channel: 'rule',
        source: { from: { id: trigger.id, title: trigger.title }, rel: 'trigger' },
      },
    })
  }
  const value = action.value
  switch (action.field) {
    case 'notification_webhook': {
      const [webhookId, body] = Array.isArray(value) ? (value as unknown[]) : []
      if (typeof webhookId === 'string') {
        run.notifications.push({ triggerId: trigger.id, webhookId, body })
      }
      return
    }
    case 'status':
      if (isOneOf(value, TICKET_STATUSES)) {
        change('status', value, ticket.status)
        ticket.status = value
      }
      return
    case 'priority':
      if (isOneOf(value, TICKET_PRIORITIES)) {
        change('priority', value, ticket.priority)
        ticket.priority = value
      }
      return
    case 'type':
      if (isOneOf(value, TICKET_TYPES)) {
        change('type', value, ticket.type)
        ticket.type = value
      }
      return
    case 'assignee_id':
      change('assignee_id', toId(value), ticket.assigneeId)
      ticket.assigneeId = toId(value)
      return
    case 'group_id':
      change('group_id', toId(value), ticket.groupId)
      ticket.groupId = toId(value)
      return
    case 'set_tags':
    case 'current_tags':
    case 'remove_tags': {
      const tags = readTags(value)
      const before = [...ticket.tags]
      if (action.field === 'set_tags') ticket.tags = tags
      else if (action.field === 'current_tags') ticket.tags = [...new Set([...before, ...tags])]
      else ticket.tags = before.filter((tag) => !tags.includes(tag))
      change('tags', ticket.tags, before)
      return
    }
    default:
      return
  }
}

function isOneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
}
