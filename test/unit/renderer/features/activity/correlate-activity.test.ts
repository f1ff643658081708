import { describe, expect, it } from 'vitest'
import type {
  BrazeProfileView,
  CaptureSummary,
  ExchangeSummaryView,
  WebhookInvocationView,
  ZendeskTicketView,
} from '../../../../../shared/contract'
import {
  correlateActivity,
  type ActivitySources,
} from '../../../../../renderer/src/features/activity/correlate-activity'

const T0 = Date.parse('2026-11-30T08:00:00.000Z')
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString()

function exchange(fields: Partial<ExchangeSummaryView> & Pick<ExchangeSummaryView, 'id' | 'kind'>) {
  return {
    state: 'done',
    profileId: 'sandbox',
    startedAt: at(0),
    attempts: 1,
    status: 201,
    ticketId: null,
    captureId: null,
    outcome: null,
    message: null,
    ...fields,
  } satisfies ExchangeSummaryView
}

function capture(fields: Partial<CaptureSummary> & Pick<CaptureSummary, 'id'>): CaptureSummary {
  return {
    route: 'sandbox',
    receivedAt: at(2),
    method: 'POST',
    path: '/hooks/sandbox/users/track',
    size: 120,
    contentType: 'application/json',
    parseKind: 'json',
    parseOk: true,
    verdict: 'valid',
    webhookId: 'wh-1',
    invocationId: null,
    attempt: 1,
    status: 200,
    flags: [],
    transport: 'direct',
    forward: null,
    ...fields,
  }
}

function invocation(id: string, ticketId: number, createdAt = at(1)): WebhookInvocationView {
  return {
    id,
    webhookId: 'wh-1',
    triggerId: 7,
    ticketId,
    status: 'succeeded',
    duplicate: false,
    createdAt,
    request: { method: 'POST', url: 'http://127.0.0.1/hooks/sandbox', headers: {}, body: '{}' },
    attempts: [],
  }
}

const ticket = (id: number, status: ZendeskTicketView['status'] = 'solved') =>
  ({
    id,
    status,
    subject: 'Printer on fire',
    updatedAt: at(1),
    requesterExternalId: 'u-1001',
  }) as ZendeskTicketView

const profile = (receivedAt: string) =>
  ({
    brazeId: 'b-1',
    externalId: 'u-1001',
    timeline: [
      {
        kind: 'event',
        name: 'zendesk_ticket_solved',
        time: receivedAt,
        receivedAt,
        properties: {},
      },
    ],
  }) as unknown as BrazeProfileView

const sources = (partial: Partial<ActivitySources>): ActivitySources => ({
  exchanges: [],
  captures: [],
  invocations: [],
  tickets: [],
  profiles: [],
  ...partial,
})

describe('the Activity timeline’s correlation', () => {
  it('links render → ticket → trigger → capture → forward → response by their ids', () => {
    const chains = correlateActivity(
      sources({
        exchanges: [
          exchange({ id: 'x-create', kind: 'zendesk-ticket-create', ticketId: 12 }),
          exchange({
            id: 'x-forward',
            kind: 'forward',
            captureId: 'c-1',
            startedAt: at(3),
            outcome: 'forwarded',
            message: 'Braze accepted it (201)',
          }),
        ],
        captures: [capture({ id: 'c-1', invocationId: '5' })],
        invocations: [invocation('5', 12)],
        tickets: [ticket(12)],
      }),
    )
    expect(chains).toHaveLength(1)
    expect(chains[0]?.ticketId).toBe(12)
    expect(chains[0]?.steps.map((s) => [s.kind, s.id])).toEqual([
      ['render', 'x-create'],
      ['ticket', '12'],
      ['invocation', '5'],
      ['capture', 'c-1'],
      ['forward', 'x-forward'],
      ['response', 'x-forward'],
    ])
    expect(chains[0]?.steps.at(-1)).toMatchObject({ tone: 'ok', title: 'Braze answered 201' })
  })

  it('keeps two solves of one ticket as two chains, one per invocation', () => {
    const chains = correlateActivity(
      sources({
        captures: [
          capture({ id: 'c-1', invocationId: '1' }),
          capture({ id: 'c-2', invocationId: '2', receivedAt: at(30) }),
        ],
        invocations: [invocation('1', 12), invocation('2', 12, at(29))],
        tickets: [ticket(12)],
      }),
    )
    expect(chains.map((c) => c.key)).toEqual(['i:2', 'i:1'])
  })

  it('folds a retried delivery’s captures into one capture step that counts them', () => {
    const [chain] = correlateActivity(
      sources({
        captures: [
          capture({ id: 'c-1', invocationId: '1', status: 503 }),
          capture({ id: 'c-2', invocationId: '1', attempt: 2, receivedAt: at(9) }),
        ],
        invocations: [invocation('1', 12)],
      }),
    )
    const step = chain?.steps.find((s) => s.kind === 'capture')
    expect(step).toMatchObject({ id: 'c-2', tone: 'ok' })
    expect(step?.detail).toMatch(/^2 deliveries/)
  })

  it('marks a 2xx whose body had errors as a failed response, with Braze’s message', () => {
    const [chain] = correlateActivity(
      sources({
        captures: [capture({ id: 'c-1' })],
        exchanges: [
          exchange({
            id: 'x-1',
            kind: 'forward',
            captureId: 'c-1',
            status: 201,
            outcome: 'failed',
            message: "Braze skipped events[0]: 'time' is required",
          }),
        ],
      }),
    )
    expect(chain?.steps.at(-1)).toMatchObject({
      kind: 'response',
      tone: 'error',
      detail: "Braze skipped events[0]: 'time' is required",
    })
  })

  it('does not join a capture to a same-numbered invocation of a later simulator run', () => {
    const chains = correlateActivity(
      sources({
        captures: [capture({ id: 'c-old', invocationId: '1', receivedAt: at(-3_600) })],
        invocations: [invocation('1', 12)],
      }),
    )
    expect(chains.map((c) => c.key).sort()).toEqual(['c:c-old', 'i:1'])
  })

  it('shows a sent ticket that has not been solved yet as a chain of its own', () => {
    const chains = correlateActivity(
      sources({
        exchanges: [exchange({ id: 'x-create', kind: 'zendesk-ticket-create', ticketId: 40 })],
        tickets: [ticket(40, 'open')],
      }),
    )
    expect(chains.map((c) => c.steps.map((s) => s.kind))).toEqual([['render', 'ticket']])
  })

  it('shows a forward still waiting for Braze as pending, not as an answer', () => {
    const [chain] = correlateActivity(
      sources({
        captures: [capture({ id: 'c-1' })],
        exchanges: [
          exchange({
            id: 'x-1',
            kind: 'forward',
            captureId: 'c-1',
            state: 'pending',
            status: null,
          }),
        ],
      }),
    )
    expect(chain?.steps.at(-1)).toMatchObject({ title: 'Waiting for Braze', tone: 'info' })
  })

  it('ends the loop at the simulated Braze profile the forward wrote, found by the requester’s external id', () => {
    const [chain] = correlateActivity(
      sources({
        captures: [capture({ id: 'c-1', invocationId: '5' })],
        invocations: [invocation('5', 12)],
        tickets: [ticket(12)],
        exchanges: [
          exchange({
            id: 'x-1',
            kind: 'forward',
            captureId: 'c-1',
            startedAt: at(3),
            outcome: 'forwarded',
          }),
        ],
        profiles: [profile(at(4))],
      }),
    )
    expect(chain?.steps.at(-1)).toMatchObject({
      kind: 'profile',
      title: 'Profile u-1001 changed',
      detail: 'event zendesk_ticket_solved',
    })
    expect(chain?.missing).toEqual([])
  })

  it('names the steps still to come when a forward failed', () => {
    const [chain] = correlateActivity(
      sources({
        captures: [capture({ id: 'c-1', invocationId: '5' })],
        invocations: [invocation('5', 12)],
        tickets: [ticket(12)],
        exchanges: [
          exchange({
            id: 'x-1',
            kind: 'forward',
            captureId: 'c-1',
            status: null,
            outcome: 'failed',
          }),
        ],
        profiles: [profile(at(-100))],
      }),
    )
    expect(chain?.steps.at(-1)).toMatchObject({ title: 'Not forwarded', tone: 'error' })
    expect(chain?.missing).toEqual(['profile'])
  })

  it('leaves to a later replay what the profile recorded after it', () => {
    const [chain] = correlateActivity(
      sources({
        captures: [capture({ id: 'c-1', invocationId: '5' })],
        invocations: [invocation('5', 12)],
        tickets: [ticket(12)],
        exchanges: [
          exchange({
            id: 'x-1',
            kind: 'forward',
            captureId: 'c-1',
            startedAt: at(3),
            outcome: 'forwarded',
          }),
          exchange({ id: 'x-2', kind: 'replay', startedAt: at(20) }),
        ],
        profiles: [profile(at(21))],
      }),
    )
    expect(chain?.missing).toEqual(['profile'])
  })
})
