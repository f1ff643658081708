import { renderBatch } from '../core/templates/render-batch'
import { renderPreview } from '../core/templates/render-preview'
import { api } from './base'
import { maskRenderResult } from './mask-render-result'

export const composeRouter = {
  brazeHandoff: api.compose.brazeHandoff.handler(({ context: { engine }, input }) =>
    engine.brazeHandoff(input.profileId, input),
  ),

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
