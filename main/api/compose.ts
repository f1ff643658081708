import { renderBatch } from '../core/templates/render-batch'
import { renderPreview } from '../core/templates/render-preview'
import { loadUserFromBraze } from '../core/users/load-from-braze'
import { api } from './base'
import { maskRenderResult } from './mask-render-result'

export const composeRouter = {
  render: api.compose.render.handler(({ context: { engine }, input }) => {
    const { result, durationMs, renderedFor } = renderPreview(engine.liquid, engine.users, input)
    return { ...maskRenderResult(result), durationMs, renderedFor }
  }),

  renderBatch: api.compose.renderBatch.handler(({ context: { engine }, input }) =>
    renderBatch(engine.liquid, engine.users, input),
  ),

  check: api.compose.check.handler(({ context: { engine }, input }) =>
    engine.liquid.check(input.template),
  ),

  targets: api.compose.targets.handler(({ context: { engine } }) => engine.liquid.targets()),
}

export const templatesRouter = {
  list: api.templates.list.handler(({ context: { engine } }) => engine.templates.list()),
  get: api.templates.get.handler(({ context: { engine }, input }) =>
    engine.templates.get(input.id),
  ),
  save: api.templates.save.handler(({ context: { engine }, input }) =>
    engine.templates.save(input),
  ),
  remove: api.templates.remove.handler(({ context: { engine }, input }) => ({
    removed: engine.templates.remove(input.id),
  })),
}

export const usersRouter = {
  list: api.users.list.handler(({ context: { engine } }) => engine.users.list()),
  import: api.users.import.handler(({ context: { engine }, input }) =>
    engine.users.import(input.format, input.text),
  ),
  saveCustom: api.users.saveCustom.handler(({ context: { engine }, input }) =>
    engine.users.saveCustom(input.user, input.id),
  ),
  remove: api.users.remove.handler(({ context: { engine }, input }) => ({
    removed: engine.users.remove(input.id),
  })),
  random: api.users.random.handler(({ context: { engine }, input }) =>
    engine.users.random(input.seed),
  ),
  loadFromBraze: api.users.loadFromBraze.handler(({ context: { engine }, input }) =>
    loadUserFromBraze(engine, input.externalId),
  ),
}
