import { ORPCError, ValidationError } from '@orpc/server'

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

/**
 * Options every transport's RPC handler shares (HTTP, WebSocket, MessagePort). A fresh object per
 * handler: oRPC plugins push their interceptors into the options they are given, so one shared
 * object would carry the HTTP handler's interceptors into the socket's.
 */
export function handlerOptions() {
  return {
    clientInterceptors: [
      async ({ next }: { next: () => Promise<unknown> }) => {
        try {
          return await next()
        } catch (error) {
          throw describeValidationError(error)
        }
      },
    ],
  }
}
