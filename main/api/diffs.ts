import { api } from './base'

export const diffsRouter = {
  compare: api.diffs.compare.handler(({ context: { engine }, input }) =>
    engine.qa.diffs.compare(input.left, input.right, input.options),
  ),
  forwarded: api.diffs.forwarded.handler(({ context: { engine }, input }) =>
    engine.qa.diffs.forwarded(input, input.options),
  ),
  expected: api.diffs.expected.handler(({ context: { engine }, input }) =>
    engine.qa.expected(input),
  ),
  replayed: api.diffs.replayed.handler(({ context: { engine }, input }) =>
    engine.qa.diffs.replayed(input, input.options),
  ),
}
