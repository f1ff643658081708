import { api } from './base'

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
