import { implement } from '@orpc/server'
import { contract } from '../../shared/contract'
import type { Engine } from '../core/engine'
import { toApiError } from './errors'

export interface ApiContext {
  engine: Engine
}

/** The contract, ready to be implemented one domain file at a time. */
export const api = implement(contract)
  .$context<ApiContext>()
  .use(async ({ context, next }) => {
    try {
      return await next()
    } catch (error) {
      throw toApiError(error, context.engine.vault.secrets.knownValues())
    }
  })
