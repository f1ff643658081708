import type { ContractRouterClient } from '@orpc/contract'
import { appContract } from './app'

/** Every operation a front door can call. The renderer has no other way out. */
export const contract = {
  app: appContract,
}

export type ApiClient = ContractRouterClient<typeof contract>
export * from './app'
