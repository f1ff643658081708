import { mapEventIterator } from '@orpc/client'
import { implement } from '@orpc/server'
import { contract } from '../../shared/contract'
import { assertValueDepth } from '../../shared/security/json-nesting'
import type { Engine } from '../core/engine'
import { toApiError } from './errors'

export interface ApiContext {
  engine: Engine
}

/** The contract, ready to be implemented one domain file at a time. */
export const api = implement(contract)
  .$context<ApiContext>()
  .use(async ({ context: { engine }, path, next }, input) => {
    const mapError = (error: unknown) =>
      toApiError(error, engine.vault.secrets.knownValues(), (fault) => {
        const detail = fault instanceof Error ? (fault.stack ?? String(fault)) : String(fault)
        engine.log('error', `Unexpected error in ${path.join('.')}: ${detail}`)
      })
    try {
      // Inputs arrive parsed (JSON.parse copes with any depth); what reads them next recurses.
      assertValueDepth(input)
      const result = await next()
      // A streamed operation's handler returns its iterator at once; what it throws later, while
      // the transport reads it, never reaches this try. Map those errors the same way.
      if (!isAsyncIterator(result.output)) return result
      return {
        ...result,
        output: mapEventIterator(result.output, {
          value: (value: unknown) => Promise.resolve(value),
          error: (error) => Promise.resolve(mapError(error)),
        }),
      }
    } catch (error) {
      throw mapError(error)
    }
  })

function isAsyncIterator(value: unknown): value is AsyncIterator<unknown> & AsyncIterable<unknown> {
  return (
    typeof value === 'object' && value !== null && Symbol.asyncIterator in value && 'next' in value
  )
}
