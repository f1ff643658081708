import { createHash, createHmac } from 'node:crypto'
import type { FilterImplOptions } from 'liquidjs'
import { rubyToS } from '../ruby-output'

/**
 * Digests and HMACs exactly as braze.md §2.2 verifies them: lower-case hex or padded standard
 * base64, and for HMACs the filter's ARGUMENT is the key and its input the message.
 */

function digest(algorithm: string): FilterImplOptions {
  return (value: unknown) => createHash(algorithm).update(rubyToS(value), 'utf8').digest('hex')
}

function hmac(name: string, algorithm: string, encoding: 'hex' | 'base64'): FilterImplOptions {
  return (value: unknown, key: unknown) => {
    if (key === undefined || key === null) {
      throw new Error(
        `${name} needs the secret key as its argument: {{ message | ${name}: 'key' }}.`,
      )
    }
    return createHmac(algorithm, rubyToS(key)).update(rubyToS(value), 'utf8').digest(encoding)
  }
}

export const hashFilters: Record<string, FilterImplOptions> = {
  md5: digest('md5'),
  sha1: digest('sha1'),
  sha2: digest('sha256'),
  base64_encode: (value: unknown) => Buffer.from(rubyToS(value), 'utf8').toString('base64'),
  base64_decode: (value: unknown) => Buffer.from(rubyToS(value), 'base64').toString('utf8'),
  hmac_sha1: hmac('hmac_sha1', 'sha1', 'hex'),
  hmac_sha1_hex: hmac('hmac_sha1_hex', 'sha1', 'hex'),
  hmac_sha1_base64: hmac('hmac_sha1_base64', 'sha1', 'base64'),
  // Undocumented encodings (braze.md §2.2, §9.4): hex, as Shopify's hmac_sha256 returns.
  hmac_sha256: hmac('hmac_sha256', 'sha256', 'hex'),
  hmac_sha256_hex: hmac('hmac_sha256_hex', 'sha256', 'hex'),
  hmac_sha256_base64: hmac('hmac_sha256_base64', 'sha256', 'base64'),
  hmac_sha512: hmac('hmac_sha512', 'sha512', 'hex'),
}
