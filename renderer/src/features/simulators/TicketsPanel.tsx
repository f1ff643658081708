import { useState } from 'react'
import type { ZendeskTicketView } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'

const STATUS_TONE: Record<string, string> = {
  solved: 'ok',
  closed: 'ok',
  new: 'info',
  open: 'warning',
  pending: 'info',
  hold: 'info',
}

export function TicketsPanel({
  tickets,
  onError,
}: {
  tickets: ZendeskTicketView[]
  onError: (message: string) => void
}) {
  const api = useApi()
  const [busy, setBusy] = useState<number>()
  const act = async (ticketId: number, solve: boolean) => {
    setBusy(ticketId)
    try {
      await (solve
        ? api.simulators.solveTicket({ ticketId })
        : api.simulators.reopenTicket({ ticketId }))
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error))
    } finally {
      setBusy(undefined)
    }
  }
  const sorted = [...tickets].sort((a, b) => b.id - a.id)
  return (
    <section className="panel" aria-labelledby="sim-tickets">
      <h2 id="sim-tickets">Simulated Zendesk tickets</h2>
      <p className="muted small">
        Solving a ticket fires the “Ticket solved → Braze” trigger and its webhook.
      </p>
      {sorted.length === 0 ? (
        <p className="muted">No tickets yet: send one from Compose.</p>
      ) : (
        <table className="table" data-testid="sim-tickets">
          <thead>
            <tr>
              <th>#</th>
              <th>Subject</th>
              <th>Requester</th>
              <th>Status</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {sorted.map((ticket) => {
              const solved = ticket.status === 'solved' || ticket.status === 'closed'
              return (
                <tr key={ticket.id}>
                  <td>{ticket.id}</td>
                  <td>{ticket.subject ?? <span className="muted">(no subject)</span>}</td>
                  <td>
                    {ticket.requesterName ?? '—'}
                    {ticket.requesterExternalId && (
                      <span className="muted small"> {ticket.requesterExternalId}</span>
                    )}
                  </td>
                  <td>
                    <span className={`badge badge-${STATUS_TONE[ticket.status] ?? 'info'}`}>
                      {ticket.status}
                    </span>
                  </td>
                  <td className="cell-actions">
                    <button
                      type="button"
                      className="button button-small"
                      disabled={busy === ticket.id || ticket.status === 'closed'}
                      onClick={() => void act(ticket.id, !solved)}
                    >
                      {solved ? 'Reopen' : 'Solve'}
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
