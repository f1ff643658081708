import { api } from './base'

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
  drafts: api.templates.drafts.handler(({ context: { engine } }) => engine.templates.drafts.list()),
  saveDraft: api.templates.saveDraft.handler(({ context: { engine }, input }) =>
    engine.templates.drafts.save(input),
  ),
  discardDraft: api.templates.discardDraft.handler(({ context: { engine }, input }) => ({
    removed: engine.templates.drafts.discard(input.templateId),
  })),
}
