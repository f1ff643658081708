import type { ZendeskTicketView } from '../../../../shared/contract/simulators'

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * The simulated agent UI: `/agent/tickets/{id}`, where "Open ticket in Zendesk" links lead, so a
 * demo on the Sandbox lands on the ticket rather than on a 404. Read-only and unauthenticated,
 * like everything the simulator serves on loopback.
 */
export function agentTicketPage(
  ticket: ZendeskTicketView | undefined,
  id: number,
): { status: number; html: string } {
  if (!ticket) {
    return {
      status: 404,
      html: page(
        `Ticket #${id}`,
        `<p>There is no ticket #${id} in the simulated Zendesk (deleted?).</p>`,
      ),
    }
  }
  const comments = ticket.comments
    .map((c) => `<li><pre>${escape(JSON.stringify(c, null, 2))}</pre></li>`)
    .join('')
  const rows: Array<[string, string]> = [
    ['Status', ticket.status],
    ['Priority', ticket.priority ?? '—'],
    ['Type', ticket.type ?? '—'],
    [
      'Requester',
      `${ticket.requesterName ?? '—'}${ticket.requesterExternalId ? ` (${ticket.requesterExternalId})` : ''}`,
    ],
    ['Tags', ticket.tags.join(' ') || '—'],
    ['Via', ticket.viaChannel],
    ['Created', ticket.createdAt],
  ]
  return {
    status: 200,
    html: page(
      `#${ticket.id} ${ticket.subject ?? '(no subject)'}`,
      `<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${escape(v)}</dd>`).join('')}</dl><h2>Comments</h2><ol>${comments}</ol>`,
    ),
  }
}

function page(title: string, body: string): string {
  return `<!doctype html><meta charset="utf-8"><title>${escape(title)} · Simulated Zendesk</title>
<style>body{font:14px system-ui;margin:2rem auto;max-width:52rem;padding:0 1rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1.5rem}dt{color:#666}pre{white-space:pre-wrap;background:#f4f4f6;padding:.6rem;border-radius:6px}</style>
<p style="color:#666">Bridgebench · simulated Zendesk agent view</p><h1>${escape(title)}</h1>${body}`
}
