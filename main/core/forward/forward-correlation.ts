import type { Capture } from '../../../shared/contract/captures'
import { isRecord } from '../../../shared/is-record'
import { rawBodyBytes } from '../net/raw-record'

/** Keys that name a Zendesk ticket in a trigger body (`"zendesk_last_ticket_id": "{{ticket.id}}"`). */
const TICKET_KEY = /(?:^|_)ticket_?id$/i

/**
 * How a forward's exchange is linked to what came before it, for the Activity timeline and the
 * diff and replay views: `captureId` and `route` always; Zendesk's `invocationId` and
 * `webhookId` when the capture carried them; `ticketId` when the body names a ticket.
 */
export function correlationOf(capture: Capture): Record<string, string> {
  const correlation: Record<string, string> = { captureId: capture.id, route: capture.route }
  if (capture.invocation.invocationId) correlation.invocationId = capture.invocation.invocationId
  if (capture.invocation.webhookId) correlation.webhookId = capture.invocation.webhookId
  const ticket = capture.parse.kind === 'json' && capture.parse.ok ? ticketIdIn(capture) : null
  if (ticket !== null) correlation.ticketId = ticket
  return correlation
}

/**
 * The first ticket id the body names: a `…ticket_id` key anywhere (a trigger body), or an
 * event-subscription payload's `detail.id` for a `zen:event-type:ticket.*` event.
 */
function ticketIdIn(capture: Capture): string | null {
  let body: unknown
  try {
    body = JSON.parse(rawBodyBytes(capture.request.body).toString('utf8'))
  } catch {
    return null
  }
  if (
    isRecord(body) &&
    typeof body.type === 'string' &&
    body.type.startsWith('zen:event-type:ticket')
  ) {
    const id = isRecord(body.detail) ? idText(body.detail.id) : null
    if (id) return id
  }
  return findTicketKey(body, 0)
}

function findTicketKey(value: unknown, depth: number): string | null {
  if (depth > 8) return null
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findTicketKey(item, depth + 1)
      if (found) return found
    }
    return null
  }
  if (!isRecord(value)) return null
  for (const [key, item] of Object.entries(value)) {
    if (TICKET_KEY.test(key)) {
      const id = idText(item)
      if (id) return id
    }
  }
  for (const item of Object.values(value)) {
    const found = findTicketKey(item, depth + 1)
    if (found) return found
  }
  return null
}

function idText(value: unknown): string | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : ''
  return /^[1-9]\d{0,15}$/.test(text.trim()) ? text.trim() : null
}
