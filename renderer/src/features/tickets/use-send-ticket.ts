import { useCallback } from 'react'
import { realSendQuestion } from '../../../../shared/compose/send-guard'
import type { SendTicketEvent } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { errorText } from '../../api/error-text'
import { useCompose } from '../compose/compose-store'
import { composeRenderRequest } from '../compose/render-request'
import { useActiveProfile } from './use-active-profile'
import { useTickets, type SendPhase } from './tickets-store'

/** The send's progress as the panel shows it, from the engine's event stream. */
export function phaseOf(event: SendTicketEvent): SendPhase {
  switch (event.type) {
    case 'attempt':
      return { kind: 'sending', attempt: event.attempt }
    case 'waiting':
      return {
        kind: 'waiting',
        attempt: event.attempt,
        until: Date.now() + event.seconds * 1000,
        reason: event.reason,
      }
    case 'not-sent':
      return { kind: 'not-sent', message: event.message }
    case 'result':
      return { kind: 'done', result: event.result }
  }
}

/**
 * "Send test ticket": exactly the preview's request, to the active profile. A real account
 * with lint errors is asked first (the Sandbox never is); `confirmed` answers that question.
 */
export function useSendTicket() {
  const api = useApi()
  const profile = useActiveProfile()

  const send = useCallback(
    async (confirmed = false) => {
      const compose = useCompose.getState()
      const { setPhase, setQuestion, loadHistory } = useTickets.getState()
      if (!compose.userId || !profile) return
      const request = composeRenderRequest(compose, compose.userId)
      const authorization = compose.authorization ?? compose.result?.authorization.suggested
      setQuestion(null)
      try {
        if (!confirmed) {
          const question = await realSendQuestion(api, profile, request, authorization)
          if (question !== null) return setQuestion(question)
        }
        compose.setOutputTab('response')
        setPhase({ kind: 'sending', attempt: 1 })
        const events = await api.tickets.send({
          ...request,
          profileId: profile.id,
          ...(authorization ? { authorization } : {}),
          templateName: compose.templateName || (compose.templateId ?? undefined),
        })
        for await (const event of events) setPhase(phaseOf(event))
        await loadHistory(api, profile.id)
      } catch (error) {
        setPhase({ kind: 'failed', message: errorText(error) })
      }
    },
    [api, profile],
  )
  return { send, profile }
}
