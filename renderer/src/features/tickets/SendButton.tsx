import { retryWaitText } from '../../../../shared/http/retry-wait'
import { ConfirmBar } from '../../components/ConfirmBar'
import { useCompose } from '../compose/compose-store'
import { useTickets } from './tickets-store'
import { useCountdown } from './use-countdown'
import { useSendTicket } from './use-send-ticket'

/** The Send test ticket button, with its progress and the question a real account asks. */
export function SendButton() {
  const { send, profile } = useSendTicket()
  const userId = useCompose((s) => s.userId)
  const phase = useTickets((s) => s.phase)
  const question = useTickets((s) => s.question)
  const setQuestion = useTickets((s) => s.setQuestion)
  const waitingLeft = useCountdown(phase.kind === 'waiting' ? phase.until : null)
  const busy = phase.kind === 'sending' || phase.kind === 'waiting'

  return (
    <div className="send-button">
      <div className="with-action">
        <button
          type="button"
          className="button button-primary"
          disabled={busy || !userId || !profile}
          onClick={() => void send()}
          title={userId ? undefined : 'Pick a sample user first: the body is rendered for them.'}
          data-testid="send-ticket"
        >
          {phase.kind === 'sending'
            ? `Sending… (attempt ${phase.attempt})`
            : phase.kind === 'waiting'
              ? retryWaitText(phase.reason, waitingLeft)
              : 'Send test ticket'}
        </button>
        <span className="muted small" data-testid="send-target">
          to {profile ? profile.name : '…'}
          {profile?.builtIn ? ' (simulated)' : ''}
        </span>
      </div>
      {question && (
        <ConfirmBar
          question={question}
          confirmLabel="Send anyway"
          onConfirm={() => void send(true)}
          onCancel={() => setQuestion(null)}
          testId="send-confirm"
        />
      )}
    </div>
  )
}
