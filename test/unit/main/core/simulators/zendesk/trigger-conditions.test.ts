import { describe, expect, it } from 'vitest'
import type { ZdTicket, ZdUser } from '../../../../../../main/core/simulators/zendesk/model'
import {
  EMPTY_STATE,
  conditionsMatch,
  stateOf,
  type TicketChangeContext,
} from '../../../../../../main/core/simulators/zendesk/trigger-conditions'

const at = new Date('2026-01-01T00:00:00Z')
const agent: ZdUser = {
  id: 1,
  name: 'Agent',
  email: 'agent@example.com',
  phone: null,
  externalId: null,
  role: 'agent',
  locale: 'en-US',
  timeZone: 'UTC',
  verified: true,
  active: true,
  suspended: false,
  tags: [],
  userFields: {},
  details: null,
  notes: null,
  createdAt: at,
  updatedAt: at,
}

function ticket(status: ZdTicket['status'], tags: string[] = []): ZdTicket {
  return {
    id: 1,
    externalId: null,
    subject: 's',
    description: 'd',
    status,
    priority: 'normal',
    type: null,
    requesterId: 2,
    submitterId: 1,
    assigneeId: null,
    groupId: null,
    organizationId: null,
    tags,
    customFields: [],
    via: 'api',
    createdAt: at,
    updatedAt: at,
    comments: [],
  }
}

function change(
  from: ZdTicket['status'] | null,
  to: ZdTicket['status'],
  extra: Partial<TicketChangeContext> = {},
): TicketChangeContext {
  return {
    updateType: from === null ? 'Create' : 'Change',
    previous: from === null ? EMPTY_STATE : stateOf(ticket(from)),
    current: ticket(to),
    comment: null,
    actor: agent,
    via: 'api',
    ...extra,
  }
}

const solvedTrigger = { all: [{ field: 'status', operator: 'value', value: 'solved' }], any: [] }

describe('trigger conditions (reference/zendesk.md §6.1)', () => {
  it('fires "status category changed to solved" when an open ticket is solved', () => {
    expect(conditionsMatch(solvedTrigger, change('open', 'solved'))).toBe(true)
  })

  it('does not fire again when a solved ticket is closed (closed is in the solved category)', () => {
    expect(conditionsMatch(solvedTrigger, change('solved', 'closed'))).toBe(false)
  })

  it('does not fire when another field changes on an already solved ticket', () => {
    expect(conditionsMatch(solvedTrigger, change('solved', 'solved'))).toBe(false)
  })

  it('fires on a ticket created as solved (everything counts as changed on create)', () => {
    expect(conditionsMatch(solvedTrigger, change(null, 'solved'))).toBe(true)
  })

  it('matches update_type Create and Change', () => {
    const created = { all: [{ field: 'update_type', operator: 'is', value: 'Create' }], any: [] }
    expect(conditionsMatch(created, change(null, 'new'))).toBe(true)
    expect(conditionsMatch(created, change('new', 'open'))).toBe(false)
  })

  it('compares statuses in their order for less_than', () => {
    const belowSolved = {
      all: [{ field: 'status', operator: 'less_than', value: 'solved' }],
      any: [],
    }
    expect(conditionsMatch(belowSolved, change('new', 'pending'))).toBe(true)
    expect(conditionsMatch(belowSolved, change('pending', 'solved'))).toBe(false)
  })

  it('needs every "all" condition and at least one "any" condition', () => {
    const conditions = {
      all: [{ field: 'status', operator: 'is', value: 'open' }],
      any: [
        { field: 'current_tags', operator: 'includes', value: 'vip gold' },
        { field: 'priority', operator: 'is', value: 'urgent' },
      ],
    }
    expect(
      conditionsMatch(conditions, { ...change('new', 'open'), current: ticket('open', ['gold']) }),
    ).toBe(true)
    expect(
      conditionsMatch(conditions, {
        ...change('new', 'open'),
        current: ticket('open', ['silver']),
      }),
    ).toBe(false)
  })

  it('matches comment_is_public only when this update added a public comment', () => {
    const conditions = {
      all: [{ field: 'comment_is_public', operator: 'is', value: 'true' }],
      any: [],
    }
    expect(conditionsMatch(conditions, change('open', 'open', { comment: { public: true } }))).toBe(
      true,
    )
    expect(
      conditionsMatch(conditions, change('open', 'open', { comment: { public: false } })),
    ).toBe(false)
    expect(conditionsMatch(conditions, change('open', 'open'))).toBe(false)
  })

  it('matches current_via_id 5 for updates made through the API (web service)', () => {
    const conditions = { all: [{ field: 'current_via_id', operator: 'is', value: 5 }], any: [] }
    expect(conditionsMatch(conditions, change('open', 'solved', { via: 'api' }))).toBe(true)
    expect(conditionsMatch(conditions, change('open', 'solved', { via: 'web' }))).toBe(false)
  })
})
