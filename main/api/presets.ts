import { firePreset } from '../core/presets/fire-preset'
import { api } from './base'

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
