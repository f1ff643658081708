import { scalarText } from '../../zendesk/scalar-text'
import type { TriggerCondition, ZdTicket, ZdUser } from './model'
import type { TicketStatus, ViaChannel } from '../../zendesk/field-values'
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../../zendesk/field-values'

/** The fields of one ticket that conditions compare, before and after an update. */
export interface TicketState {
  status: TicketStatus | null
  priority: string | null
  type: string | null
  assigneeId: number | null
  requesterId: number | null
  groupId: number | null
  organizationId: number | null
  tags: string[]
}

export interface TicketChangeContext {
  updateType: 'Create' | 'Change'
  /** Before this update; every field null on create, so everything present counts as changed. */
  previous: TicketState
  current: ZdTicket
  /** The comment this update added, if any. */
  comment: { public: boolean } | null
  actor: ZdUser
  /** The channel of this update (`current_via_id`). */
  via: ViaChannel
}

export const EMPTY_STATE: TicketState = {
  status: null,
  priority: null,
  type: null,
  assigneeId: null,
  requesterId: null,
  groupId: null,
  organizationId: null,
  tags: [],
}

export function stateOf(ticket: ZdTicket): TicketState {
  return {
    status: ticket.status,
    priority: ticket.priority,
    type: ticket.type,
    assigneeId: ticket.assigneeId,
    requesterId: ticket.requesterId,
    groupId: ticket.groupId,
    organizationId: ticket.organizationId,
    tags: [...ticket.tags],
  }
}

const VALUE_OPERATORS = [
  'is',
  'is_not',
  'changed',
  'not_changed',
  'value',
  'value_previous',
  'not_value',
  'not_value_previous',
  'present',
  'not_present',
]
const ORDERED_OPERATORS = [...VALUE_OPERATORS, 'less_than', 'greater_than']

/** The condition fields and operators the simulator evaluates (§6.1); others are refused. */
export const SUPPORTED_CONDITIONS: Record<string, readonly string[]> = {
  update_type: ['is', 'is_not'],
  status: ORDERED_OPERATORS,
  priority: ORDERED_OPERATORS,
  type: VALUE_OPERATORS,
  assignee_id: VALUE_OPERATORS,
  requester_id: VALUE_OPERATORS,
  group_id: VALUE_OPERATORS,
  organization_id: VALUE_OPERATORS,
  current_tags: ['includes', 'not_includes'],
  comment_is_public: ['is', 'is_not'],
  via_id: ['is', 'is_not'],
  current_via_id: ['is', 'is_not'],
  role: ['is', 'is_not'],
}

/** Zendesk's numeric channel ids for `via_id` conditions (5 = web service, the API). */
const VIA_IDS: Record<ViaChannel, number> = { web: 0, email: 4, api: 5, rule: 8 }

type StateField = keyof Omit<TicketState, 'tags'>
const STATE_FIELDS: Record<string, StateField> = {
  status: 'status',
  priority: 'priority',
  type: 'type',
  assignee_id: 'assigneeId',
  requester_id: 'requesterId',
  group_id: 'groupId',
  organization_id: 'organizationId',
}

export function conditionsMatch(
  conditions: { all: TriggerCondition[]; any: TriggerCondition[] },
  ctx: TicketChangeContext,
): boolean {
  const all = conditions.all.every((condition) => conditionMatches(condition, ctx))
  const any = conditions.any.length === 0 || conditions.any.some((c) => conditionMatches(c, ctx))
  return all && any
}

export function conditionMatches(condition: TriggerCondition, ctx: TicketChangeContext): boolean {
  const { field, operator, value } = condition
  const expected = value === undefined || value === null ? '' : scalarText(value)
  switch (field) {
    case 'update_type':
      return operator === 'is' ? ctx.updateType === expected : ctx.updateType !== expected
    case 'current_tags': {
      const wanted = expected.toLowerCase().split(/\s+/).filter(Boolean)
      const has = wanted.some((tag) => ctx.current.tags.includes(tag))
      return operator === 'includes' ? has : !has
    }
    case 'comment_is_public': {
      const matches =
        expected === 'not_relevant' ||
        (ctx.comment !== null && (expected === 'false' ? !ctx.comment.public : ctx.comment.public))
      return operator === 'is' ? matches : !matches
    }
    case 'via_id':
    case 'current_via_id': {
      const channel = field === 'via_id' ? ctx.current.via : ctx.via
      const matches = String(VIA_IDS[channel]) === expected
      return operator === 'is' ? matches : !matches
    }
    case 'role': {
      const matches = ctx.actor.role.replace('-', '_') === expected.replace('-', '_')
      return operator === 'is' ? matches : !matches
    }
    default: {
      const key = STATE_FIELDS[field]
      if (!key) return false
      const raw = stateOf(ctx.current)[key]
      const values = {
        before: comparable(field, ctx.previous[key]),
        after: comparable(field, raw),
        rawAfter: raw === null ? '' : String(raw),
      }
      return compare(operator, field, values, expected)
    }
  }
}

/**
 * Status conditions compare the status *category* (§4.4, §6.1): closed belongs to solved, so a
 * solved ticket being closed does not count as "changed to solved" a second time. A condition on
 * `closed` itself still compares the raw status.
 */
function comparable(field: string, value: string | number | null): string {
  if (value === null) return ''
  const text = String(value)
  return field === 'status' && text === 'closed' ? 'solved' : text
}

function compare(
  operator: string,
  field: string,
  { before, after, rawAfter }: { before: string; after: string; rawAfter: string },
  expected: string,
): boolean {
  const changed = before !== after
  const currentIs = (v: string) =>
    field === 'status' && v === 'closed' ? rawAfter === 'closed' : after === v
  switch (operator) {
    case 'is':
      return currentIs(expected)
    case 'is_not':
      return !currentIs(expected)
    case 'changed':
      return changed
    case 'not_changed':
      return !changed
    case 'value':
      return changed && currentIs(expected)
    case 'value_previous':
      return changed && before === expected
    case 'not_value':
      return changed && !currentIs(expected)
    case 'not_value_previous':
      return changed && before !== expected
    case 'present':
      return after !== ''
    case 'not_present':
      return after === ''
    case 'less_than':
      return rank(field, rawAfter) < rank(field, expected)
    case 'greater_than':
      return rank(field, rawAfter) > rank(field, expected)
    default:
      return false
  }
}

/** Statuses and priorities are ordered (§4.4): new < open < pending < hold < solved < closed. */
function rank(field: string, value: string): number {
  const order: readonly string[] = field === 'status' ? TICKET_STATUSES : TICKET_PRIORITIES
  return order.indexOf(value)
}
