import { DEFAULT_TRACK_OBJECT_LIMIT } from '../../shared/braze/track-limits'
import { jsonTemplateSourceMap, lintTrackBody } from '../core/braze/users-track/track-lint'
import { api } from './base'

export const forwardRouter = {
  run: api.forward.run.handler(({ context: { engine }, input }) => engine.forwards.run(input)),

  lint: api.forward.lint.handler(({ context: { engine }, input }) => {
    const objects =
      input.objectLimit ??
      (input.profileId ? engine.vault.get(input.profileId).braze.trackObjectLimit : undefined) ??
      engine.vault.get(engine.vault.activeProfileId()).braze.trackObjectLimit ??
      DEFAULT_TRACK_OBJECT_LIMIT
    const { problems, blocked } = lintTrackBody(input.body, {
      objects,
      sourceMap: input.template ? jsonTemplateSourceMap(input.template) : null,
    })
    return {
      problems,
      blocked,
      template: input.template ? { kind: 'saved' as const, name: 'the given template' } : null,
    }
  }),

  ofCapture: api.forward.ofCapture.handler(async ({ context: { engine }, input }) => {
    const page = await engine.exchanges.list({
      kind: 'forward',
      captureId: input.captureId,
      limit: 100,
    })
    return page.items.map(({ id, summary }) => ({
      exchangeId: id,
      startedAt: summary.startedAt,
      state: summary.state,
      attempts: summary.attempts,
      status: summary.status,
      outcome: summary.outcome,
      message: summary.message,
    }))
  }),

  readBack: api.forward.readBack.handler(({ context: { engine }, input }) =>
    engine.forwards.readBackAgain(input.exchangeId),
  ),
}
