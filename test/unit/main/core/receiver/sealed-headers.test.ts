import { describe, expect, it } from 'vitest'
import {
  sealCredentialHeaders,
  unsealCredentialHeaders,
} from '../../../../../main/core/receiver/sealed-headers'

const encrypt = (plain: string) => `sealed:${Buffer.from(plain).toString('base64')}`
const decrypt = (cipher: string) => Buffer.from(cipher.slice(7), 'base64').toString()

describe('credential headers of a capture', () => {
  const headers: Array<[string, string]> = [
    ['Content-Type', 'application/json'],
    ['Authorization', 'Bearer braze-rest-key-0123456789'],
    ['X-Api-Key', 'key-abcdefghijklmnop'],
  ]

  it('are stored masked, their values only as ciphertext', () => {
    const sealed = sealCredentialHeaders(headers, encrypt)
    expect(sealed.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['Authorization', 'Bearer ••••'],
      ['X-Api-Key', '••••'],
    ])
    expect(JSON.stringify(sealed)).not.toContain('braze-rest-key-0123456789')
    expect(sealed.sealedHeaders.map((s) => s.index)).toEqual([1, 2])
  })

  it('come back as they arrived for a forward that passes them on', () => {
    expect(unsealCredentialHeaders(sealCredentialHeaders(headers, encrypt), decrypt)).toEqual(
      headers,
    )
  })

  it('are only masked while secret storage is locked', () => {
    const locked = () => {
      throw new Error('locked')
    }
    expect(sealCredentialHeaders(headers, locked).sealedHeaders).toEqual([])
    expect(sealCredentialHeaders(headers, undefined).headers[1]).toEqual([
      'Authorization',
      'Bearer ••••',
    ])
  })
})
