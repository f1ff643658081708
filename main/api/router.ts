import { appRouter } from './app'
import { api } from './base'
import { composeRouter, templatesRouter, usersRouter } from './compose'
import { profilesRouter, vaultRouter } from './profiles'
import { simulatorsRouter } from './simulators'
import { exchangesRouter, presetsRouter, ticketsRouter } from './tickets'

/** The whole API: the same router is served over MessagePort (desktop) and HTTP (browser mode). */
export const router = api.router({
  app: appRouter,
  profiles: profilesRouter,
  vault: vaultRouter,
  simulators: simulatorsRouter,
  compose: composeRouter,
  templates: templatesRouter,
  users: usersRouter,
  tickets: ticketsRouter,
  exchanges: exchangesRouter,
  presets: presetsRouter,
})

export type Router = typeof router
export type { ApiContext } from './base'
