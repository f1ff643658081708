import { errorText } from '../../api/error-text'
import type { Problem } from '../../../../shared/contract'
import { retryWaitText } from '../../../../shared/http/retry-wait'
import { useApi } from '../../api/api-context'
import { useAppStore } from '../../app/app-store'
import { useCompose } from '../compose/compose-store'
import { composeRenderRequest } from '../compose/render-request'
import { ResponseView } from './ResponseView'
import { useTickets } from './tickets-store'
import { useCountdown } from './use-countdown'

/** "Send test ticket": what Braze would send for this user, into the active profile's Zendesk. */
export function SendTicketPanel({ onJump }: { onJump: (problem: Problem) => void }) {
  const api = useApi()
  const profile = useAppStore((s) => s.status?.activeProfile)
  const { body, headers, canned, userId, templateName, templateId, addTestTag } = useCompose()
  const setAddTestTag = useCompose((s) => s.setAddTestTag)
  const { phase, setPhase, loadHistory } = useTickets()
  const waitingLeft = useCountdown(phase.kind === 'waiting' ? phase.until : null)
  const busy = phase.kind === 'sending' || phase.kind === 'waiting'

  const send = async () => {
    if (!userId || !profile) return
    setPhase({ kind: 'sending', attempt: 1 })
    try {
      const events = await api.tickets.send({
        ...composeRenderRequest({ body, headers, canned, addTestTag }, userId),
        profileId: profile.id,
        templateName: templateName || (templateId ?? undefined),
      })
      for await (const event of events) {
        if (event.type === 'attempt') setPhase({ kind: 'sending', attempt: event.attempt })
        if (event.type === 'waiting')
          setPhase({
            kind: 'waiting',
            attempt: event.attempt,
            until: Date.now() + event.seconds * 1000,
            reason: event.reason,
          })
        if (event.type === 'not-sent') setPhase({ kind: 'not-sent', message: event.message })
        if (event.type === 'result') setPhase({ kind: 'done', result: event.result })
      }
      await loadHistory(api, profile.id)
    } catch (error) {
      setPhase({ kind: 'failed', message: errorText(error) })
    }
  }

  return (
    <section className="panel" aria-labelledby="send-ticket">
      <div className="panel-title-row">
        <h2 id="send-ticket">Send test ticket</h2>
        <span className="muted small">to {profile?.name ?? '…'}</span>
      </div>
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy || !userId}
          onClick={() => void send()}
          data-testid="send-ticket"
        >
          {phase.kind === 'sending'
            ? `Sending… (attempt ${phase.attempt})`
            : phase.kind === 'waiting'
              ? retryWaitText(phase.reason, waitingLeft)
              : 'Send test ticket'}
        </button>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={addTestTag}
            onChange={(e) => setAddTestTag(e.target.checked)}
            data-testid="add-test-tag"
          />
          Tag it <code>bridgebench_test</code> (the preview shows the tagged body)
        </label>
      </div>
      {!userId && (
        <p className="muted small">Pick a sample user first: the body is rendered for them.</p>
      )}
      {phase.kind === 'not-sent' && (
        <p className="form-error" role="alert">
          Not sent: {phase.message}
        </p>
      )}
      {phase.kind === 'failed' && (
        <p className="form-error" role="alert">
          {phase.message}
        </p>
      )}
      {phase.kind === 'done' && (
        <div className="send-result" data-testid="send-result">
          <p
            className={phase.result.ok ? 'tone-ok' : 'form-error'}
            role={phase.result.ok ? 'status' : 'alert'}
          >
            {phase.result.message}{' '}
            {phase.result.agentUrl && (
              <a href={phase.result.agentUrl} target="_blank" rel="noreferrer">
                Open ticket #{phase.result.ticketId} in Zendesk
              </a>
            )}
          </p>
          {phase.result.tagChange && <p className="muted small">{phase.result.tagChange}</p>}
          {phase.result.problems.length > 0 && (
            <ul className="problem-list">
              {phase.result.problems.map((problem, index) => (
                <li key={index}>
                  <button type="button" className="problem" onClick={() => onJump(problem)}>
                    <span className="badge badge-error">{problem.severity}</span>
                    <span className="problem-where">
                      {problem.line === null ? 'Ticket' : `Ln ${problem.line}`}
                    </span>
                    <span className="problem-text">
                      {problem.message}
                      <span className="muted small problem-fix">{problem.fix}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <ResponseView exchange={phase.result.exchange} />
        </div>
      )}
    </section>
  )
}
