import { appRouter } from './app'
import { api } from './base'
import { capturesRouter } from './captures'
import { composeRouter } from './compose'
import { diffsRouter } from './diffs'
import { exchangesRouter } from './exchanges'
import { forwardRouter } from './forward'
import { harRouter } from './har'
import { presetsRouter } from './presets'
import { profilesRouter } from './profiles'
import { receiverRouter } from './receiver'
import { replayRouter } from './replay'
import { simulatorsRouter } from './simulators'
import { templatesRouter } from './templates'
import { ticketsRouter } from './tickets'
import { triggersRouter } from './triggers'
import { usersRouter } from './users'
import { vaultRouter } from './vault'
import { webhooksRouter } from './webhooks'

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
  receiver: receiverRouter,
  captures: capturesRouter,
  webhooks: webhooksRouter,
  forward: forwardRouter,
  diffs: diffsRouter,
  replay: replayRouter,
  har: harRouter,
  triggers: triggersRouter,
})

export type Router = typeof router
export type { ApiContext } from './base'
