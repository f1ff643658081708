import type { Exchange } from '../../../shared/contract/exchanges'
import type { TestTicket } from '../../../shared/contract/tickets'
import type { ExchangeStore } from '../captures/exchange-store'
import { TEST_TAG } from './test-tag'
import type { TestTicketLog } from './test-ticket-log'

/**
 * Puts back into the test-ticket log every ticket that a `zendesk-ticket-create` exchange shows
 * Zendesk created (its last attempt answered 201 with a ticket id) but the log lacks: the app
 * stopped between saving Zendesk's answer and writing the log. Without this, cleanup would
 * never delete those tickets. Returns how many were added.
 */
export async function reconcileTestTicketLog(
  log: TestTicketLog,
  exchanges: ExchangeStore,
): Promise<number> {
  const missing: TestTicket[] = []
  let before: string | undefined
  for (;;) {
    const page = await exchanges.list({ kind: 'zendesk-ticket-create', before, limit: 1000 })
    for (const { id, summary } of page.items) {
      if (summary.status !== 201 || summary.ticketId === null) continue
      if (log.has(summary.profileId, summary.ticketId)) continue
      const record = await exchanges.get(id)
      if (record) missing.push(ticketFrom(record, summary.ticketId))
    }
    if (!page.nextCursor) break
    before = page.nextCursor
  }
  // Oldest first, as the log is kept.
  log.addMany(missing.reverse())
  return missing.length
}

function ticketFrom(record: Exchange, ticketId: number): TestTicket {
  const last = record.attempts.at(-1)
  const url = last?.request.url ?? ''
  const body = sentTicket(last?.request.body.encoding === 'utf8' ? last.request.body.data : '')
  return {
    ticketId,
    profileId: record.profileId,
    agentUrl: `${url.replace(/\/api\/v2\/tickets\.json$/, '')}/agent/tickets/${ticketId}`,
    createdAt: last?.response?.at ?? record.startedAt,
    subject: typeof body?.subject === 'string' ? body.subject : null,
    templateName: record.correlation.template ?? null,
    userLabel: record.correlation.userId ?? null,
    exchangeId: record.id,
    taggedAsTest: Array.isArray(body?.tags) && body.tags.includes(TEST_TAG),
    deletedAt: null,
  }
}

function sentTicket(text: string): { subject?: unknown; tags?: unknown } | undefined {
  try {
    return (JSON.parse(text) as { ticket?: { subject?: unknown; tags?: unknown } }).ticket
  } catch {
    return undefined
  }
}
