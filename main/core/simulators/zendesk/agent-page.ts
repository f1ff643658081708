import type { ZendeskTicketView } from '../../../../shared/contract/simulators'

/** Who wrote a comment or asked for the ticket, as the page names them. */
export interface AgentPagePerson {
  name: string
  email: string | null
}

export type FindPerson = (userId: number) => AgentPagePerson | undefined

/** Everything that reaches the page is user data (names, subjects, comment text): escaped. */
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const STATUS_LABEL: Record<ZendeskTicketView['status'], string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  hold: 'On-hold',
  solved: 'Solved',
  closed: 'Closed',
}

const VIA_LABEL: Record<string, string> = {
  api: 'API',
  web: 'Web form',
  email: 'Email',
  web_service: 'API',
}

/**
 * The simulated agent view: `/agent/tickets/{id}`, where "Open ticket in Zendesk" links lead.
 * It reads like a ticket — subject, status, requester, the conversation — so a demo on the
 * Sandbox lands somewhere a client recognises; nothing of the simulator's own records shows.
 * Read-only and unauthenticated, like everything the simulator serves on loopback.
 */
export function agentTicketPage(
  ticket: ZendeskTicketView | undefined,
  id: number,
  findPerson: FindPerson = () => undefined,
): { status: number; html: string } {
  if (!ticket) {
    return {
      status: 404,
      html: page(
        `Ticket #${id}`,
        `<main class="missing"><h1>Ticket #${id} is not here</h1><p>The simulated Zendesk has no ticket #${id}: it may have been deleted, or the Sandbox was reset.</p></main>`,
      ),
    }
  }
  const requester = findPerson(ticket.requesterId)
  const requesterName = requester?.name ?? ticket.requesterName ?? 'Unknown requester'
  const subject = ticket.subject?.trim() || '(no subject)'
  const properties: Array<[string, string]> = [
    ['Requester', personHtml(requesterName, requester?.email ?? null)],
    [
      'Status',
      `<span class="status status-${ticket.status}">${STATUS_LABEL[ticket.status]}</span>`,
    ],
    ['Type', escape(capitalised(ticket.type) ?? '-')],
    ['Priority', escape(capitalised(ticket.priority) ?? '-')],
    [
      'Tags',
      ticket.tags.length
        ? ticket.tags.map((t) => `<span class="tag">${escape(t)}</span>`).join(' ')
        : '-',
    ],
    ['Channel', escape(VIA_LABEL[ticket.viaChannel] ?? capitalised(ticket.viaChannel) ?? '-')],
    ['Created', time(ticket.createdAt)],
    ['Updated', time(ticket.updatedAt)],
  ]
  const comments = ticket.comments.map((c) => {
    const author = findPerson(c.authorId)
    const name = author?.name ?? (c.authorId === ticket.requesterId ? requesterName : 'Agent')
    const note = c.public ? '' : '<span class="note-label">Internal note</span>'
    return `<article class="comment${c.public ? '' : ' internal'}">
<div class="avatar" aria-hidden="true">${escape(initials(name))}</div>
<div class="comment-main"><header><strong>${escape(name)}</strong> ${note}<span class="when">${time(c.createdAt)}</span></header>
<div class="comment-body">${escape(c.body)}</div></div></article>`
  })
  return {
    status: 200,
    html: page(
      `#${ticket.id} ${subject}`,
      `<main class="ticket">
<aside class="properties" aria-label="Ticket properties"><dl>${properties
        .map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`)
        .join('')}</dl></aside>
<section class="conversation">
<p class="ticket-number">Ticket #${ticket.id}</p>
<h1>${escape(subject)}</h1>
<p class="requested">Requested by ${escape(requesterName)} · ${time(ticket.createdAt)}</p>
${comments.join('\n') || '<p class="empty">No comments yet.</p>'}
</section></main>`,
    ),
  }
}

function personHtml(name: string, email: string | null): string {
  return `${escape(name)}${email ? `<br><span class="muted">${escape(email)}</span>` : ''}`
}

function capitalised(value: string | null): string | null {
  if (!value) return null
  const words = value.replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  return (
    (parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')
  ).toUpperCase()
}

/** A readable UTC time; the machine-readable one in the attribute. */
function time(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return escape(iso)
  const shown = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
  return `<time datetime="${escape(iso)}">${shown}</time>`
}

const STYLE = `
:root{color-scheme:light dark;--bg:#f8f9f9;--panel:#fff;--fg:#2f3941;--muted:#68737d;--line:#d8dcde;--brand:#03363d;--accent:#1f73b7;--note:#fff7e5}
@media (prefers-color-scheme:dark){:root{--bg:#14181b;--panel:#1d2327;--fg:#e9ebed;--muted:#a3adb5;--line:#333c43;--brand:#0b2b30;--accent:#5eaefc;--note:#3a3320}}
*{box-sizing:border-box}body{margin:0;font:14px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;background:var(--bg);color:var(--fg)}
.topbar{display:flex;align-items:center;gap:.75rem;padding:.6rem 1.25rem;background:var(--brand);color:#fff;font-size:13px}
.topbar strong{font-size:14px}.topbar span{opacity:.75}
.ticket{display:grid;grid-template-columns:260px minmax(0,1fr);gap:1.25rem;max-width:1100px;margin:1.25rem auto;padding:0 1.25rem}
@media (max-width:760px){.ticket{grid-template-columns:1fr}}
.properties,.conversation{background:var(--panel);border:1px solid var(--line);border-radius:6px}
.properties{padding:1rem;align-self:start}.properties dl{margin:0}
.properties dt{font-size:12px;font-weight:600;color:var(--muted);margin-top:.8rem}.properties dt:first-child{margin-top:0}
.properties dd{margin:.15rem 0 0}
.conversation{padding:1.25rem 1.5rem}.ticket-number{margin:0;color:var(--muted);font-size:13px}
h1{margin:.15rem 0 .25rem;font-size:22px;font-weight:600}.requested{margin:0 0 1rem;color:var(--muted);font-size:13px}
.comment{display:flex;gap:.75rem;padding:1rem 0;border-top:1px solid var(--line)}
.comment.internal{background:var(--note);margin:0 -1.5rem;padding:1rem 1.5rem}
.avatar{flex:none;width:36px;height:36px;border-radius:50%;background:var(--accent);color:#fff;display:grid;place-items:center;font-weight:600;font-size:13px}
.comment-main{min-width:0;flex:1}.comment header{display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline}
.when{margin-left:auto;color:var(--muted);font-size:12px}.note-label{font-size:12px;color:var(--muted)}
.comment-body{margin-top:.35rem;white-space:pre-wrap;overflow-wrap:anywhere}
.status{display:inline-block;padding:0 .5rem;border-radius:4px;font-size:12px;font-weight:600;color:#fff;background:#68737d}
.status-new{background:#ffb648;color:#2f3941}.status-open{background:#e34f32}.status-pending{background:#3091ec}
.status-hold{background:#2f3941}.status-solved{background:#87929d}.status-closed{background:#c2c8cc;color:#2f3941}
.tag{display:inline-block;padding:0 .4rem;margin:0 .15rem .15rem 0;border:1px solid var(--line);border-radius:4px;font-size:12px}
.muted,.empty{color:var(--muted)}.missing{max-width:640px;margin:3rem auto;padding:0 1.25rem}`

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} · Simulated Zendesk</title>
<style>${STYLE}</style>
<body><header class="topbar"><strong>Zendesk</strong><span>Simulated by Bridgebench · Sandbox</span></header>
${body}</body></html>`
}
