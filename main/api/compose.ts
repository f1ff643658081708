import { renderBatchEvents } from '../core/templates/render-batch'
import { renderPreview } from '../core/templates/render-preview'
import { api } from './base'
import { maskRenderResult } from './mask-render-result'

export const composeRouter = {
  brazeHandoff: api.compose.brazeHandoff.handler(({ context: { engine }, input }) =>
    engine.brazeHandoff(input.profileId, input),
  ),

  render: api.compose.render.handler(async ({ context: { engine }, input, signal }) => {
    const preview = await renderPreview(engine.renderer, engine.users, input, { signal })
    const { durationMs, lintedAs, renderedFor, tagChange, authorization, renderedUntilError } =
      preview
    return {
      ...maskRenderResult(preview.result),
      output: preview.body,
      durationMs,
      lintedAs,
      tagChange,
      authorization,
      renderedUntilError,
      renderedFor,
    }
  }),

  renderBatch: api.compose.renderBatch.handler(({ context: { engine }, input, signal }) =>
    renderBatchEvents(engine.renderer, engine.users, input, { signal }),
  ),

  check: api.compose.check.handler(({ context: { engine }, input }) =>
    engine.liquid.check(input.template),
  ),

  targets: api.compose.targets.handler(({ context: { engine } }) => engine.liquid.targets()),
}
