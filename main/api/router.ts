import { appRouter } from './app'
import { api } from './base'
import { profilesRouter, vaultRouter } from './profiles'
import { simulatorsRouter } from './simulators'

/** The whole API: the same router is served over MessagePort (desktop) and HTTP (browser mode). */
export const router = api.router({
  app: appRouter,
  profiles: profilesRouter,
  vault: vaultRouter,
  simulators: simulatorsRouter,
})

export type Router = typeof router
export type { ApiContext } from './base'
