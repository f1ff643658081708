import { appRouter } from './app'
import { api } from './base'

/** The whole API: the same router is served over MessagePort (desktop) and HTTP (browser mode). */
export const router = api.router({
  app: appRouter,
})

export type Router = typeof router
export type { ApiContext } from './base'
