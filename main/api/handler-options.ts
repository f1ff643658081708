import { ORPCError, ValidationError } from '@orpc/server'
import { rpcJsonSerializers } from '../../shared/contract/rpc-serializers'

/**
 * oRPC reports a contract (zod) rejection as "Input validation failed"; people need to know
 * which field and why, so the first issue goes into the message (all issues stay in `data`).
 */
export function describeValidationError(error: unknown): unknown {
  if (
    !(error instanceof ORPCError) ||
    error.code !== 'BAD_REQUEST' ||
    !(error.cause instanceof ValidationError)
  ) {
    return error
  }
  const issues = error.cause.issues
  const first = issues[0]
  const path = first?.path?.map((p) => (typeof p === 'object' ? String(p.key) : String(p))) ?? []
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
  return new ORPCError('BAD_REQUEST', {
    message: `${path.length ? `${path.join('.')}: ` : ''}${first?.message ?? 'invalid input'}${more}`,
    data: { issues },
    cause: error,
  })
}

/** Puts the failing field into a contract rejection's message, for every transport. */
export async function describeValidation({ next }: { next: () => Promise<unknown> }) {
  try {
    return await next()
  } catch (error) {
    throw describeValidationError(error)
  }
}

/**
 * Options for one transport's RPC handler (HTTP, WebSocket, MessagePort). A fresh object each
 * time: oRPC's handlers add their plugins' interceptors to the arrays they are given, so a
 * shared object would hand one handler's plugins to the next. The JSON serializers carry users'
 * whole Floats (`2.0`) both ways.
 */
export function handlerOptions() {
  return { clientInterceptors: [describeValidation], customJsonSerializers: rpcJsonSerializers }
}
