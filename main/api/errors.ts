import { ORPCError } from '@orpc/server'
import { ZodError } from 'zod'
import { JsonTooDeepError } from '../../shared/security/json-nesting'
import { redactKnownSecrets } from '../../shared/security/masking'

/**
 * Engine errors are written for people (what failed, where, what to do): pass their message to
 * the caller as a BAD_REQUEST instead of oRPC's generic internal error, scrubbed of any secret
 * the message might quote. A thrown non-Error or a runtime fault is a bug: the caller
 * learns that much, `report` gets the details for the log.
 */
export function toApiError(
  error: unknown,
  knownSecrets: Iterable<string>,
  report: (error: unknown) => void,
): unknown {
  if (error instanceof ORPCError) return error
  if (error instanceof ZodError) {
    const first = error.issues[0]
    const where = first?.path.length ? `${first.path.join('.')}: ` : ''
    return new ORPCError('BAD_REQUEST', { message: `${where}${first?.message ?? 'invalid input'}` })
  }
  if (error instanceof JsonTooDeepError) {
    // Its message is a fragment ("nested too deeply … at user.x"), made to be embedded.
    return new ORPCError('BAD_REQUEST', {
      message: `The request is ${error.message}: send flatter data.`,
      data: { kind: error.name },
    })
  }
  if (!(error instanceof Error) || isRuntimeFault(error)) {
    report(error)
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    return new ORPCError('INTERNAL_SERVER_ERROR', {
      message: `Bridgebench failed unexpectedly (${redactKnownSecrets(what, knownSecrets)}). This is a bug; the details are in its log (the terminal that runs it).`,
    })
  }
  return new ORPCError('BAD_REQUEST', {
    message: redactKnownSecrets(error.message, knownSecrets),
    data: { kind: error.name },
  })
}

/**
 * A TypeError, ReferenceError or RangeError the runtime raised (reading a property of undefined,
 * a stack overflow). Node's coded errors (ERR_INVALID_URL…) describe a bad argument, usually the
 * caller's input, and stay ordinary errors.
 */
function isRuntimeFault(error: Error): boolean {
  const fault =
    error instanceof TypeError || error instanceof ReferenceError || error instanceof RangeError
  return fault && !('code' in error)
}
