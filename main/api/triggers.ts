import { api } from './base'

export const triggersRouter = {
  defaultTemplate: api.triggers.defaultTemplate.handler(({ context: { engine } }) =>
    engine.triggers.defaultTemplate(),
  ),
  samples: api.triggers.samples.handler(({ context: { engine }, input }) =>
    engine.triggers.samples(input.profileId),
  ),
  loadTicket: api.triggers.loadTicket.handler(({ context: { engine }, input }) =>
    engine.triggers.loadTicket(input.profileId, input.ticketId),
  ),
  render: api.triggers.render.handler(({ context: { engine }, input }) =>
    engine.triggers.render(input.template, input.ticket, input.escaping),
  ),
  lint: api.triggers.lint.handler(({ context: { engine }, input }) =>
    engine.triggers.lint(input.template, input.escaping, input.tickets, input.profileId),
  ),
  send: api.triggers.send.handler(({ context: { engine }, input }) =>
    engine.triggers.send(input.profileId, input.template, input.ticket, input.escaping),
  ),
  plan: api.triggers.plan.handler(({ context: { engine }, input }) => engine.triggers.plan(input)),
  apply: api.triggers.apply.handler(({ context: { engine }, input }) =>
    engine.triggers.apply(input),
  ),
  undo: api.triggers.undo.handler(({ context: { engine }, input }) =>
    engine.triggers.undo(input.profileId),
  ),
}
