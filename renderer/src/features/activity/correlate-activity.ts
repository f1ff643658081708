import type {
  BrazeProfileView,
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
  'profile',
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
  /** The steps still to come after the first one shown (a stalled loop shows where it stopped). */
  missing: StepKind[]
}

export interface ActivitySources {
  exchanges: ExchangeSummaryView[]
  captures: CaptureSummary[]
  invocations: WebhookInvocationView[]
  tickets: ZendeskTicketView[]
  /** The simulated Braze's profiles (the Sandbox): where a forward's write is seen landing. */
  profiles: BrazeProfileView[]
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
  const sendStarts = sources.exchanges
    .filter((e) => e.kind === 'forward' || e.kind === 'replay' || e.kind === 'braze-users-track')
    .map((e) => Date.parse(e.startedAt))
    .sort((a, b) => a - b)
  const chained = new Set<number>()
  const chains: ActivityChain[] = []
  for (const group of groups.values()) {
    const ticketId =
      group.invocation?.ticketId ??
      group.forwards.find((f) => f.ticketId !== null)?.ticketId ??
      null
    if (ticketId !== null) chained.add(ticketId)
    const ticket = tickets.get(ticketId ?? -1)
    const steps = [
      ...ticketSteps(ticketId, created.get(ticketId ?? -1), ticket),
      ...deliverySteps(group),
    ]
    const landed = profileStep(group, ticket, sources.profiles, sendStarts)
    if (landed) steps.push(landed)
    const kinds = sources.profiles.length > 0 ? STEP_KINDS : STEP_KINDS.slice(0, -1)
    chains.push(chainOf(group.key, ticketId, steps, kinds))
  }
  for (const [ticketId, exchange] of created) {
    if (chained.has(ticketId)) continue
    const steps = ticketSteps(ticketId, exchange, tickets.get(ticketId))
    chains.push(chainOf(`t:${ticketId}`, ticketId, steps, STEP_KINDS.slice(0, -1)))
  }
  return chains.sort((a, b) => b.at.localeCompare(a.at))
}

function chainOf(
  key: string,
  ticketId: number | null,
  steps: ActivityStep[],
  kinds: readonly StepKind[],
): ActivityChain {
  const at = steps.reduce((latest, step) => (step.at && step.at > latest ? step.at : latest), '')
  const present = new Set(steps.map((s) => s.kind))
  const first = kinds.indexOf(steps[0]?.kind ?? 'render')
  const missing = kinds.slice(Math.max(0, first)).filter((k) => !present.has(k))
  return { key, ticketId, at, steps, missing }
}

/** Braze applies a write a moment after it answers; entries this soon after count as its. */
const LANDING_WINDOW_MS = 60_000

/**
 * The simulated Braze's profile of the ticket's requester (by external id), with what it
 * recorded after the forward was sent and before any later send to Braze (a forward or a
 * replay, which would claim what came after): the attribute and event the forward wrote.
 */
function profileStep(
  group: Group,
  ticket: ZendeskTicketView | undefined,
  profiles: BrazeProfileView[],
  sendStarts: number[],
): ActivityStep | null {
  const forward = latest(group.forwards)
  const externalId = ticket?.requesterExternalId
  if (!forward || forward.outcome !== 'forwarded' || !externalId) return null
  const profile = profiles.find((p) => p.externalId === externalId)
  const from = Date.parse(forward.startedAt)
  const until = Math.min(from + LANDING_WINDOW_MS, sendStarts.find((t) => t > from) ?? Infinity)
  const entries = (profile?.timeline ?? []).filter((entry) => {
    const t = Date.parse(entry.receivedAt)
    return t >= from && t < until
  })
  if (!profile || entries.length === 0) return null
  return {
    kind: 'profile',
    at: entries.at(-1)?.receivedAt ?? null,
    title: `Profile ${externalId} changed`,
    detail: entries
      .map((e) => (e.kind === 'attributes' ? `attributes ${e.name}` : `${e.kind} ${e.name}`))
      .join(' · '),
    tone: 'ok',
    id: profile.brazeId,
    href: '#/simulators',
  }
}

function latest(forwards: ExchangeSummaryView[]): ExchangeSummaryView | undefined {
  return [...forwards].sort((a, b) => a.startedAt.localeCompare(b.startedAt)).at(-1)
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
  const forward = latest(group.forwards)
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
    title: pending
      ? 'Waiting for Braze'
      : forward.status !== null
        ? `Braze answered ${forward.status}`
        : forward.outcome === 'blocked'
          ? 'Not sent: the lint blocked it'
          : 'Not forwarded',
    detail: forward.message ?? (pending ? 'in flight' : ''),
    tone,
    id: forward.id,
    href: `#/exchanges/${forward.id}`,
  }
}
