import type { ContractRouterClient } from '@orpc/contract'
import { appContract } from './app'
import { composeContract, templatesContract, usersContract } from './compose-api'
import { profilesContract, vaultContract } from './profiles'
import { presetsContract } from './presets'
import { simulatorsContract } from './simulators-api'
import { exchangesContract, ticketsContract } from './tickets'

/** Every operation a front door can call. The renderer has no other way out. */
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
}

export type ApiClient = ContractRouterClient<typeof contract>
export * from './app'
export * from './profiles'
export * from './simulators'
export * from './compose'
export * from './problems'
export * from './tickets'
export * from './presets'
export * from './exchanges'
