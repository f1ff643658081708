import type { Problem } from '../../../../shared/contract'
import { ResponseView } from './ResponseView'
import { useTickets } from './tickets-store'

/** The last send: why nothing was sent, or Zendesk's answer — each said once. */
export function SendResult({ onJump }: { onJump: (problem: Problem) => void }) {
  const phase = useTickets((s) => s.phase)
  if (phase.kind === 'idle')
    return (
      <p className="muted" data-testid="send-result-empty">
        Nothing sent yet. <strong>Send test ticket</strong> puts the previewed body on the wire;
        Zendesk’s answer shows here.
      </p>
    )
  if (phase.kind === 'sending' || phase.kind === 'waiting')
    return (
      <p className="muted" aria-busy="true">
        Sending… attempt {phase.attempt}
      </p>
    )
  if (phase.kind === 'not-sent')
    return (
      <p className="form-error" role="alert" data-testid="send-result">
        Not sent: {phase.message}
      </p>
    )
  if (phase.kind === 'failed')
    return (
      <p className="form-error" role="alert" data-testid="send-result">
        {phase.message}
      </p>
    )
  const { result } = phase
  return (
    <div className="send-result" data-testid="send-result">
      <p className={result.ok ? 'tone-ok' : 'form-error'} role={result.ok ? 'status' : 'alert'}>
        {result.message}{' '}
        {result.agentUrl && (
          <a href={result.agentUrl} target="_blank" rel="noreferrer">
            Open ticket #{result.ticketId} in Zendesk
          </a>
        )}
      </p>
      {result.tagChange && <p className="muted small">{result.tagChange}</p>}
      {result.problems.length > 0 && (
        <ul className="problem-list">
          {result.problems.map((problem, index) => (
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
      <ResponseView exchange={result.exchange} />
    </div>
  )
}
