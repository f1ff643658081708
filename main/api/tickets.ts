import type { CleanupEvent } from '../../shared/contract/tickets'
import { streamWhile } from '../core/events/progress-stream'
import { firePreset } from '../core/presets/fire-preset'
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

export const exchangesRouter = {
  get: api.exchanges.get.handler(async ({ context: { engine }, input }) => {
    const record = await engine.exchanges.get(input.id)
    if (!record) throw new Error(`No exchange ${input.id}: it may have been deleted.`)
    return record
  }),

  curl: api.exchanges.curl.handler(({ context: { engine }, input }) =>
    engine.tickets.curl(input.id, input.withSecrets),
  ),
}

export const presetsRouter = {
  list: api.presets.list.handler(({ context: { engine } }) => engine.presets.list()),

  save: api.presets.save.handler(({ context: { engine }, input }) => {
    engine.templates.get(input.templateId)
    engine.users.get(input.userId)
    if (input.profileId) engine.vault.get(input.profileId)
    const saved = engine.presets.save(input)
    engine.refreshStatus()
    return saved
  }),

  remove: api.presets.remove.handler(({ context: { engine }, input }) => {
    const removed = engine.presets.remove(input.id)
    engine.refreshStatus()
    return { removed }
  }),

  fire: api.presets.fire.handler(async function* ({ context: { engine }, input, signal }) {
    yield* firePreset(engine, input.id, signal)
  }),
}
