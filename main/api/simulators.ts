import { api } from './base'

export const simulatorsRouter = {
  snapshot: api.simulators.snapshot.handler(async ({ context: { engine } }) =>
    (await engine.useSandbox()).snapshot(),
  ),

  events: api.simulators.events.handler(async function* ({ context: { engine }, signal }) {
    const sandbox = await engine.useSandbox()
    yield* sandbox.events.subscribe(signal)
  }),

  solveTicket: api.simulators.solveTicket.handler(async ({ context: { engine }, input }) =>
    (await engine.useSandbox()).solveTicket(input.ticketId),
  ),

  reopenTicket: api.simulators.reopenTicket.handler(async ({ context: { engine }, input }) =>
    (await engine.useSandbox()).reopenTicket(input.ticketId),
  ),

  updateSettings: api.simulators.updateSettings.handler(async ({ context: { engine }, input }) => {
    const sandbox = await engine.useSandbox()
    sandbox.updateSettings(input)
    return sandbox.snapshot()
  }),
}
