import type { IncomingMessage } from 'node:http'
import { ORPCError } from '@orpc/server'
import { BodyLimitPlugin } from '@orpc/server/node'

/**
 * The most one API call may carry, over HTTP (request body) and over the page's WebSocket (one
 * message). The largest input the contract allows is a 5,000,000-character users file; JSON-encoded
 * as UTF-8 that stays under 16 MiB even when every character takes three bytes.
 */
export const MAX_API_MESSAGE_BYTES = 16 * 1024 * 1024

export const TOO_LARGE_MESSAGE =
  'The request is larger than 16 MiB, the most one API call may carry: send less per call (split a big users file).'

/** True when the request announces a body over the limit, so it can be refused unread. */
export function announcesTooLarge(req: IncomingMessage): boolean {
  return Number(req.headers['content-length']) > MAX_API_MESSAGE_BYTES
}

/**
 * RPCHandler options for HTTP: oRPC's body limit stops reading a body (chunked, or longer than it
 * said) once it passes the limit; the interceptor gives its 413 our message instead of
 * "Payload Too Large".
 */
export function httpBodyLimit() {
  return {
    plugins: [new BodyLimitPlugin({ maxBodySize: MAX_API_MESSAGE_BYTES })],
    interceptors: [
      async <T>({ next }: { next: () => Promise<T> }): Promise<T> => {
        try {
          return await next()
        } catch (error) {
          if (error instanceof ORPCError && error.code === 'PAYLOAD_TOO_LARGE') {
            throw new ORPCError('PAYLOAD_TOO_LARGE', { message: TOO_LARGE_MESSAGE, cause: error })
          }
          throw error
        }
      },
    ],
  }
}
