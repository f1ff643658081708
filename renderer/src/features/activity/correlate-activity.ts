import type {
  CaptureSummary,
  ExchangeSummaryView,
  WebhookInvocationView,
  ZendeskTicketView,
} from '../../../../shared/contract'
import { statusTone, type Tone } from '../exchanges/exchange-labels'

/** The steps of the Zendesk → Braze loop, in the order they happen. */
export const STEP_KINDS = [
  'render',
  'ticket',
  'invocation',
  'capture',
  'forward',
  'response',
] as const
export type StepKind = (typeof STEP_KINDS)[number]

export type StepTone = Tone

export interface ActivityStep {
  kind: StepKind
  /** ISO time the step happened, when known. */
  at: string | null
  title: string
  detail: string
  tone: StepTone
  /** The id that links this step to the next one (ticket number, invocation, capture, exchange). */
  id: string | null
  /** Where to look at it: a screen hash such as `#/exchanges/01J…`. */
  href: string | null
}

export interface ActivityChain {
  key: string
  ticketId: number | null
  /** The latest step's time, for ordering (newest chain first). */
  at: string
  steps: ActivityStep[]
}

export interface ActivitySources {
  exchanges: ExchangeSummaryView[]
  captures: CaptureSummary[]
  invocations: WebhookInvocationView[]
  tickets: ZendeskTicketView[]
}

interface Group {
  key: string
  invocation: WebhookInvocationView | null
  captures: CaptureSummary[]
  forwards: ExchangeSummaryView[]
}

const INVOCATION_TONE: Record<string, StepTone> = {
  succeeded: 'ok',
  failed: 'error',
  'circuit-broken': 'error',
  retrying: 'warning',
}

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`

/** The simulated Zendesk numbers invocations from 1 at each start; stored captures outlive that. */
const RESTART_SLACK_MS = 60_000

function sameDelivery(
  capture: CaptureSummary,
  invocation: WebhookInvocationView | null | undefined,
) {
  if (!capture.invocationId) return false
  if (!invocation) return true
  return Date.parse(capture.receivedAt) >= Date.parse(invocation.createdAt) - RESTART_SLACK_MS
}

function groupFor(groups: Map<string, Group>, key: string): Group {
  let group = groups.get(key)
  if (!group) {
    group = { key, invocation: null, captures: [], forwards: [] }
    groups.set(key, group)
  }
  return group
}

/**
 * Joins what each part of the engine recorded into one chain per webhook delivery, by the ids
 * they share: a ticket-create exchange's ticket id → the simulated trigger's invocation (its
 * ticket id) → the captures of that invocation (Zendesk's `x-zendesk-webhook-invocation-id`) →
 * the forward exchanges of those captures → Braze's answer. Deliveries without an invocation id
 * (a curl, a replay to the receiver) form a chain per capture; tickets sent but not yet solved
 * form a chain of their own. Newest chain first.
 */
export function correlateActivity(sources: ActivitySources): ActivityChain[] {
  const groups = new Map<string, Group>()
  for (const invocation of sources.invocations)
    groupFor(groups, `i:${invocation.id}`).invocation = invocation
  const captureGroup = new Map<string, string>()
  for (const capture of sources.captures) {
    const key = sameDelivery(capture, groups.get(`i:${capture.invocationId}`)?.invocation)
      ? `i:${capture.invocationId}`
      : `c:${capture.id}`
    groupFor(groups, key).captures.push(capture)
    captureGroup.set(capture.id, key)
  }
  const created = new Map<number, ExchangeSummaryView>()
  for (const exchange of sources.exchanges) {
    if (exchange.kind === 'forward' && exchange.captureId) {
      const key = captureGroup.get(exchange.captureId) ?? `c:${exchange.captureId}`
      groupFor(groups, key).forwards.push(exchange)
    } else if (exchange.kind === 'zendesk-ticket-create' && exchange.ticketId !== null) {
      if (!created.has(exchange.ticketId)) created.set(exchange.ticketId, exchange)
    }
  }
  const tickets = new Map(sources.tickets.map((t) => [t.id, t]))
  const chained = new Set<number>()
  const chains: ActivityChain[] = []
  for (const group of groups.values()) {
    const ticketId =
      group.invocation?.ticketId ??
      group.forwards.find((f) => f.ticketId !== null)?.ticketId ??
      null
    if (ticketId !== null) chained.add(ticketId)
    const steps = [
      ...ticketSteps(ticketId, created.get(ticketId ?? -1), tickets.get(ticketId ?? -1)),
      ...deliverySteps(group),
    ]
    chains.push(chainOf(group.key, ticketId, steps))
  }
  for (const [ticketId, exchange] of created) {
    if (chained.has(ticketId)) continue
    chains.push(
      chainOf(`t:${ticketId}`, ticketId, ticketSteps(ticketId, exchange, tickets.get(ticketId))),
    )
  }
  return chains.sort((a, b) => b.at.localeCompare(a.at))
}

function chainOf(key: string, ticketId: number | null, steps: ActivityStep[]): ActivityChain {
  const at = steps.reduce((latest, step) => (step.at && step.at > latest ? step.at : latest), '')
  return { key, ticketId, at, steps }
}

function ticketSteps(
  ticketId: number | null,
  created: ExchangeSummaryView | undefined,
  ticket: ZendeskTicketView | undefined,
): ActivityStep[] {
  if (ticketId === null) return []
  const steps: ActivityStep[] = []
  if (created) {
    steps.push({
      kind: 'render',
      at: created.startedAt,
      title: 'Template rendered and sent',
      detail: `POST /api/v2/tickets · ${plural(created.attempts, 'attempt')}`,
      tone: statusTone(created.status),
      id: created.id,
      href: `#/exchanges/${created.id}`,
    })
  }
  steps.push({
    kind: 'ticket',
    at: ticket?.updatedAt ?? created?.startedAt ?? null,
    title: `Ticket #${ticketId}`,
    detail: ticket
      ? `${ticket.status} · ${ticket.subject ?? '(no subject)'}`
      : created
        ? `created (${created.status ?? 'no answer'})`
        : 'named by the webhook',
    tone: ticket?.status === 'solved' || ticket?.status === 'closed' ? 'ok' : 'info',
    id: String(ticketId),
    href: ticket ? '#/simulators' : null,
  })
  return steps
}

function deliverySteps(group: Group): ActivityStep[] {
  const steps: ActivityStep[] = []
  const { invocation } = group
  if (invocation) {
    const last = invocation.attempts.at(-1)
    steps.push({
      kind: 'invocation',
      at: invocation.createdAt,
      title: 'Trigger fired the webhook',
      detail: `${invocation.status} · ${plural(invocation.attempts.length, 'attempt')}${
        last?.statusCode != null ? ` · last answer ${last.statusCode}` : ''
      }`,
      tone: INVOCATION_TONE[invocation.status] ?? 'info',
      id: invocation.id,
      href: '#/simulators',
    })
  }
  const captures = [...group.captures].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
  const capture = captures.at(-1)
  if (capture) {
    steps.push({
      kind: 'capture',
      at: capture.receivedAt,
      title: `Captured on /hooks/${capture.route}`,
      detail: `${plural(captures.length, 'delivery', 'deliveries')} · signature ${capture.verdict} · answered ${
        capture.status ?? 'nothing'
      }`,
      tone:
        capture.verdict === 'invalid' || !capture.parseOk ? 'warning' : statusTone(capture.status),
      id: capture.id,
      href: `#/inbox/${capture.id}`,
    })
  }
  const forward = [...group.forwards].sort((a, b) => a.startedAt.localeCompare(b.startedAt)).at(-1)
  if (forward) {
    steps.push({
      kind: 'forward',
      at: forward.startedAt,
      title: 'Forwarded to Braze',
      detail: `${plural(forward.attempts, 'attempt')}${group.forwards.length > 1 ? ` · forward ${group.forwards.length} of this delivery` : ''}`,
      tone: forward.state === 'pending' ? 'info' : 'ok',
      id: forward.id,
      href: `#/exchanges/${forward.id}`,
    })
    steps.push(responseStep(forward))
  } else if (capture?.forward?.state === 'pending') {
    steps.push({
      kind: 'forward',
      at: capture.forward.at,
      title: 'Forward pending',
      detail: capture.forward.message,
      tone: 'info',
      id: null,
      href: null,
    })
  }
  return steps
}

function responseStep(forward: ExchangeSummaryView): ActivityStep {
  const pending = forward.state === 'pending'
  const tone: StepTone = pending
    ? 'info'
    : forward.outcome === 'forwarded'
      ? 'ok'
      : forward.outcome === 'blocked'
        ? 'warning'
        : 'error'
  return {
    kind: 'response',
    at: pending ? null : forward.startedAt,
    title: pending ? 'Waiting for Braze' : `Braze answered ${forward.status ?? 'nothing'}`,
    detail: forward.message ?? (pending ? 'in flight' : ''),
    tone,
    id: forward.id,
    href: `#/exchanges/${forward.id}`,
  }
}
