import type { LookupAddress } from 'node:dns'
import type { LookupFunction } from 'node:net'
import { createHttpClient, type HttpClient } from '../../main/core/net/http-request'

/**
 * A DNS resolver for tests: names in `hosts` resolve to their address, every other name fails
 * with ENOTFOUND, as getaddrinfo does. No real DNS server is ever asked.
 */
export function fakeLookup(hosts: Record<string, string> = {}): LookupFunction {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    const address = hosts[hostname]
    setImmediate(() => {
      if (address === undefined) {
        const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
          code: 'ENOTFOUND',
          hostname,
        })
        callback(error, options.all ? [] : '', 4)
        return
      }
      const family = address.includes(':') ? 6 : 4
      // Node asks for every address (`all`) when it may race IPv4 and IPv6.
      if (options.all) callback(null, [{ address, family }])
      else callback(null, address, family)
    })
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void

/** The engine's HTTP client as tests use it: names resolve only through `hosts`, never real DNS. */
export function offlineHttpClient(hosts: Record<string, string> = {}): HttpClient {
  return createHttpClient({ lookup: fakeLookup(hosts), userAgent: 'Bridgebench/9.9.9-test' })
}
