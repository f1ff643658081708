import { errorText } from '../../api/error-text'
import { useEffect, useState } from 'react'
import { useApi } from '../../api/api-context'
import {
  accountName,
  cleanupQuestion,
  needsConfirmation,
} from '../../../../shared/compose/send-guard'
import { ConfirmBar } from '../../components/ConfirmBar'
import { useActiveProfile } from './use-active-profile'
import { useTickets } from './tickets-store'

/** Test tickets created from here, with cleanup (destroy_many in chunks of 100). */
export function TicketHistoryPanel() {
  const api = useApi()
  const profile = useActiveProfile()
  const { history, loadHistory, cleanup, setCleanup, cleanupReport, setCleanupReport } =
    useTickets()
  const [selected, setSelected] = useState<Set<number>>(new Set())
  const [error, setError] = useState<string>()
  const [question, setQuestion] = useState<{ ids?: number[]; text: string } | null>(null)

  useEffect(() => {
    if (profile) loadHistory(api, profile.id).catch((e: unknown) => setError(errorText(e)))
  }, [api, profile, loadHistory])

  /** A real account is asked first, naming how many tickets and where; the Sandbox never is. */
  const askThenRemove = (ids?: number[]) => {
    if (!profile) return
    const live = history.filter((t) => !t.deletedAt).length
    if (!needsConfirmation(profile)) return void remove(ids)
    setQuestion({ ids, text: cleanupQuestion(ids?.length ?? live, accountName(profile)) })
  }

  const remove = async (ids?: number[]) => {
    if (!profile) return
    setQuestion(null)
    setError(undefined)
    setCleanupReport(null)
    setCleanup({ done: 0, total: ids?.length ?? history.length })
    try {
      for await (const event of await api.tickets.cleanup({
        profileId: profile.id,
        ticketIds: ids,
      })) {
        if (event.type === 'progress') setCleanup({ done: event.done, total: event.total })
        if (event.type === 'result')
          setCleanupReport({ deleted: event.deleted.length, failed: event.failed })
      }
      setSelected(new Set())
      await loadHistory(api, profile.id)
    } catch (e) {
      setError(errorText(e))
    } finally {
      setCleanup(null)
    }
  }
  const toggle = (id: number) =>
    setSelected((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  return (
    <section className="panel" aria-labelledby="ticket-history">
      <div className="panel-title-row">
        <h2 id="ticket-history">Test tickets</h2>
        <div className="actions">
          <button
            type="button"
            className="button button-small"
            disabled={selected.size === 0 || cleanup !== null}
            onClick={() => askThenRemove([...selected])}
          >
            Delete selected
          </button>
          <button
            type="button"
            className="button button-small button-danger"
            disabled={history.length === 0 || cleanup !== null}
            onClick={() => askThenRemove()}
            data-testid="delete-all-tickets"
          >
            Delete all
          </button>
        </div>
      </div>
      {question && (
        <ConfirmBar
          question={question.text}
          confirmLabel="Delete"
          onConfirm={() => void remove(question.ids)}
          onCancel={() => setQuestion(null)}
          testId="cleanup-confirm"
        />
      )}
      {cleanup && (
        <progress max={cleanup.total} value={cleanup.done} aria-label="Deleting test tickets">
          {cleanup.done}/{cleanup.total}
        </progress>
      )}
      {cleanupReport && (
        <p
          className={cleanupReport.failed.length ? 'form-error' : 'muted'}
          role="status"
          data-testid="cleanup-report"
        >
          Deleted {cleanupReport.deleted} ticket{cleanupReport.deleted === 1 ? '' : 's'}.
          {cleanupReport.failed.map((f) => ` Not deleted (${f.ids.length}): ${f.message}`).join('')}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {history.length === 0 ? (
        <p className="muted">
          No test tickets on {profile?.name ?? 'this profile'} yet. Sent tickets appear here for
          cleanup.
        </p>
      ) : (
        <ul className="ticket-history" data-testid="ticket-history">
          {history.map((ticket) => (
            <li key={ticket.ticketId}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={selected.has(ticket.ticketId)}
                  onChange={() => toggle(ticket.ticketId)}
                />
                <a href={ticket.agentUrl} target="_blank" rel="noreferrer">
                  #{ticket.ticketId}
                </a>
              </label>
              <span>{ticket.subject ?? '(no subject)'}</span>
              <span className="muted small">
                {ticket.userLabel} · {new Date(ticket.createdAt).toLocaleTimeString()}
                {ticket.taggedAsTest && ' · tagged'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
