import { api } from './base'

export const appRouter = {
  info: api.app.info.handler(({ context }) => context.engine.info()),

  events: api.app.events.handler(async function* ({ context, signal }) {
    // Subscribe before the snapshot so no change between the two can be missed.
    const stream = context.engine.events.subscribe(signal)
    yield context.engine.statusEvent()
    yield* stream
  }),
}
