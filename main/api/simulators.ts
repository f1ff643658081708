import { api } from './base'

export const simulatorsRouter = {
  snapshot: api.simulators.snapshot.handler(({ context: { engine } }) =>
    engine.requireSandbox().snapshot(),
  ),

  events: api.simulators.events.handler(async function* ({ context: { engine }, signal }) {
    yield* engine.requireSandbox().events.subscribe(signal)
  }),

  solveTicket: api.simulators.solveTicket.handler(({ context: { engine }, input }) =>
    engine.requireSandbox().solveTicket(input.ticketId),
  ),

  reopenTicket: api.simulators.reopenTicket.handler(({ context: { engine }, input }) =>
    engine.requireSandbox().reopenTicket(input.ticketId),
  ),

  updateSettings: api.simulators.updateSettings.handler(({ context: { engine }, input }) => {
    const sandbox = engine.requireSandbox()
    sandbox.updateSettings(input)
    return sandbox.snapshot()
  }),
}
