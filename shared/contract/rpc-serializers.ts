import type { StandardRPCCustomJsonSerializer } from '@orpc/client/standard'
import { RubyFloat } from '../numbers/ruby-float'

/** oRPC's built-in types use 0–7; ours start well clear of them. */
const RUBY_FLOAT = 32

/**
 * What the API's JSON carries beyond oRPC's own types, for every handler and link (HTTP,
 * WebSocket, MessagePort, the CLI): a user's whole Float (`2.0` in their JSON, which Liquid
 * prints as `2.0`) crosses as its number plus a type mark, and arrives a RubyFloat again. A
 * client without this list still works: it sees the plain number.
 */
export const rpcJsonSerializers: readonly StandardRPCCustomJsonSerializer[] = [
  {
    type: RUBY_FLOAT,
    condition: (data) => data instanceof RubyFloat,
    serialize: (data: RubyFloat) => data.value,
    deserialize: (value) => {
      // The mark comes from the client: anything but a number is a forged or broken request.
      if (typeof value !== 'number') throw new TypeError('A RubyFloat must be a number.')
      return new RubyFloat(value)
    },
  },
]
