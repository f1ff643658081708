import { api } from './base'

export const replayRouter = {
  one: api.replay.one.handler(({ context: { engine }, input }) => engine.qa.replays.one(input)),

  run: api.replay.run.handler(async function* ({ context: { engine }, input, signal }) {
    yield* engine.qa.replays.run(input.source, input.settings, signal)
  }),

  feed: api.replay.feed.handler(async ({ context: { engine }, input }) => ({
    accepted: await engine.qa.replays.feed(input.runId, input.items, input.last),
  })),

  cancel: api.replay.cancel.handler(({ context: { engine }, input }) => ({
    cancelled: engine.qa.replays.cancel(input.runId),
  })),

  runs: api.replay.runs.handler(({ context: { engine } }) => engine.qa.replays.list()),
}
