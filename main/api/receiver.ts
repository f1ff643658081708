import { api } from './base'

export const receiverRouter = {
  status: api.receiver.status.handler(({ context: { engine } }) => engine.inbox.status()),

  events: api.receiver.events.handler(async function* ({ context: { engine }, signal }) {
    // Subscribe before the snapshot so no change between the two can be missed.
    const stream = engine.inbox.statusEvents.subscribe(signal)
    yield engine.inbox.status()
    yield* stream
  }),

  start: api.receiver.start.handler(async ({ context: { engine } }) => {
    await engine.inbox.start()
    return engine.inbox.status()
  }),

  stop: api.receiver.stop.handler(async ({ context: { engine } }) => {
    await engine.inbox.stop()
    return engine.inbox.status()
  }),

  settings: api.receiver.settings.handler(({ context: { engine } }) => engine.inbox.settingsView()),

  updateSettings: api.receiver.updateSettings.handler(({ context: { engine }, input }) =>
    engine.inbox.updateSettings(input),
  ),

  saveRoute: api.receiver.saveRoute.handler(({ context: { engine }, input }) =>
    engine.inbox.saveRoute(input),
  ),

  removeRoute: api.receiver.removeRoute.handler(({ context: { engine }, input }) =>
    engine.inbox.removeRoute(input.name),
  ),

  startTunnel: api.receiver.startTunnel.handler(async ({ context: { engine } }) => {
    await engine.inbox.startTunnelService()
    return engine.inbox.status()
  }),

  stopTunnel: api.receiver.stopTunnel.handler(async ({ context: { engine } }) => {
    await engine.inbox.stopTunnelService()
    return engine.inbox.status()
  }),

  selfTest: api.receiver.selfTest.handler(({ context: { engine } }) => engine.inbox.selfTest()),

  useSessionSecret: api.receiver.useSessionSecret.handler(({ context: { engine }, input }) => {
    engine.inbox.useSessionSecret(input.secret)
    return { ok: true as const }
  }),
}
