import type { ContractRouterClient } from '@orpc/contract'
import { appContract } from './app'
import { profilesContract, vaultContract } from './profiles'
import { simulatorsContract } from './simulators-api'

/** Every operation a front door can call. The renderer has no other way out. */
export const contract = {
  app: appContract,
  profiles: profilesContract,
  vault: vaultContract,
  simulators: simulatorsContract,
}

export type ApiClient = ContractRouterClient<typeof contract>
export * from './app'
export * from './profiles'
export * from './simulators'
