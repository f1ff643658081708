import type { ContractRouterClient } from '@orpc/contract'
import { appContract } from './app'
import { capturesContract } from './captures'
import { composeContract } from './compose'
import { diffsContract } from './diffs'
import { exchangesContract } from './exchanges'
import { forwardContract } from './forward'
import { harContract } from './har'
import { presetsContract } from './presets'
import { profilesContract } from './profiles'
import { receiverContract } from './receiver'
import { replayContract } from './replay'
import { simulatorsContract } from './simulators'
import { templatesContract } from './templates'
import { ticketsContract } from './tickets'
import { triggersContract } from './triggers'
import { usersContract } from './users'
import { vaultContract } from './vault'
import { webhooksContract } from './webhooks'

/**
 * Every operation a front door can call, one file per namespace. The renderer has no other way
 * out, and the CLI calls the same operations.
 */
export const contract = {
  app: appContract,
  profiles: profilesContract,
  vault: vaultContract,
  simulators: simulatorsContract,
  compose: composeContract,
  templates: templatesContract,
  users: usersContract,
  tickets: ticketsContract,
  exchanges: exchangesContract,
  presets: presetsContract,
  receiver: receiverContract,
  captures: capturesContract,
  webhooks: webhooksContract,
  forward: forwardContract,
  diffs: diffsContract,
  replay: replayContract,
  har: harContract,
  triggers: triggersContract,
}

export type ApiClient = ContractRouterClient<typeof contract>
export * from './app'
export * from './captures'
export * from './compose'
export * from './diffs'
export * from './exchanges'
export * from './forward'
export * from './har'
export * from './ids'
export * from './presets'
export * from './problems'
export * from './raw-http'
export * from './profiles'
export * from './receiver'
export * from './replay'
export * from './simulators'
export * from './templates'
export * from './tunnel'
export * from './tickets'
export * from './triggers'
export * from './users'
export * from './vault'
export * from './webhooks'
