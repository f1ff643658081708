import type { CleanupEvent } from '../../shared/contract/tickets'
import { streamWhile } from '../core/events/progress-stream'
import type { CleanupResult } from '../core/zendesk/ticket-cleanup'
import { api } from './base'

export const ticketsRouter = {
  send: api.tickets.send.handler(async function* ({ context: { engine }, input, signal }) {
    yield* engine.tickets.send(input, signal)
  }),

  history: api.tickets.history.handler(({ context: { engine }, input }) =>
    engine.tickets.history(input.profileId),
  ),

  cleanup: api.tickets.cleanup.handler(async function* ({ context: { engine }, input }) {
    const result = yield* streamWhile<CleanupEvent, CleanupResult>((emit) =>
      engine.tickets.cleanup(input.profileId, input.ticketIds, (done, total) =>
        emit({ type: 'progress', done, total }),
      ),
    )
    yield { type: 'result' as const, deleted: result.deleted, failed: result.failed }
  }),
}
