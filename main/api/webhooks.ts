import { api } from './base'

export const webhooksRouter = {
  list: api.webhooks.list.handler(({ context: { engine }, input }) =>
    engine.webhookLinks.list(input.profileId),
  ),
  link: api.webhooks.link.handler(({ context: { engine }, input }) =>
    engine.webhookLinks.link(input.profileId, input.webhookId, input.route),
  ),
  unlink: api.webhooks.unlink.handler(({ context: { engine }, input }) =>
    engine.webhookLinks.unlink(input.profileId, input.webhookId),
  ),
  invocations: api.webhooks.invocations.handler(({ context: { engine }, input }) =>
    engine.webhookLinks.invocations(input.profileId, input.webhookId),
  ),
}
