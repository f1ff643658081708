import { api } from './base'

export const exchangesRouter = {
  get: api.exchanges.get.handler(async ({ context: { engine }, input }) => {
    const record = await engine.exchanges.get(input.id)
    if (!record) throw new Error(`No exchange ${input.id}: it may have been deleted.`)
    return record
  }),

  list: api.exchanges.list.handler(async ({ context: { engine }, input }) => {
    const page = await engine.exchanges.list(input)
    return {
      items: page.items.map(({ id, summary }) => ({ id, ...summary })),
      nextCursor: page.nextCursor,
    }
  }),

  curl: api.exchanges.curl.handler(({ context: { engine }, input }) =>
    engine.tickets.curl(input.id, input.withSecrets),
  ),
}
