import { ORPCError } from '@orpc/server'
import { ZodError } from 'zod'
import { redactKnownSecrets } from '../../shared/security/masking'

/**
 * Engine errors are written for people (what failed, where, what to do): pass their message to
 * the caller as a BAD_REQUEST instead of oRPC's generic internal error, scrubbed of any secret
 * the message might quote.
 */
export function toApiError(error: unknown, knownSecrets: Iterable<string>): unknown {
  if (error instanceof ORPCError) return error
  if (error instanceof ZodError) {
    const first = error.issues[0]
    const where = first?.path.length ? `${first.path.join('.')}: ` : ''
    return new ORPCError('BAD_REQUEST', { message: `${where}${first?.message ?? 'invalid input'}` })
  }
  if (error instanceof Error) {
    return new ORPCError('BAD_REQUEST', {
      message: redactKnownSecrets(error.message, knownSecrets),
      data: { kind: error.name },
    })
  }
  return error
}
