import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  PassphraseCipher,
  TamperedSecretError,
  WrongPassphraseError,
} from '../../../../../main/core/vault/passphrase-cipher'
import { SecretStorageLockedError } from '../../../../../main/core/vault/secret-cipher'
import { TEST_SCRYPT_COST } from '../../../../helpers/engine'
import { useTempDir } from '../../../../helpers/temp-dir'

const PASSPHRASE = 'correct horse battery staple'

describe('PassphraseCipher', () => {
  const tempDir = useTempDir()

  it('round-trips a secret and never stores it in the clear', () => {
    const dir = tempDir()
    const cipher = new PassphraseCipher(dir, TEST_SCRYPT_COST)
    cipher.unlock(PASSPHRASE)
    const sealed = cipher.encrypt('zd-token-0123456789')
    expect(sealed).not.toContain('zd-token')
    expect(sealed.startsWith('bb1:')).toBe(true)
    expect(cipher.decrypt(sealed)).toBe('zd-token-0123456789')
    expect(readFileSync(cipher.keyFilePath, 'utf8')).not.toContain(PASSPHRASE)
  })

  it('opens secrets sealed in an earlier session with the same passphrase', () => {
    const dir = tempDir()
    const first = new PassphraseCipher(dir, TEST_SCRYPT_COST)
    first.unlock(PASSPHRASE)
    const sealed = first.encrypt('braze-key')
    const second = new PassphraseCipher(dir, TEST_SCRYPT_COST)
    second.unlock(PASSPHRASE)
    expect(second.decrypt(sealed)).toBe('braze-key')
  })

  it('refuses a wrong passphrase instead of silently starting a new key', () => {
    const dir = tempDir()
    new PassphraseCipher(dir, TEST_SCRYPT_COST).unlock(PASSPHRASE)
    const before = readFileSync(new PassphraseCipher(dir, TEST_SCRYPT_COST).keyFilePath, 'utf8')
    const again = new PassphraseCipher(dir, TEST_SCRYPT_COST)
    expect(() => again.unlock('not the passphrase')).toThrow(WrongPassphraseError)
    expect(again.isUnlocked()).toBe(false)
    expect(readFileSync(again.keyFilePath, 'utf8')).toBe(before)
  })

  it('detects tampered ciphertext', () => {
    const cipher = new PassphraseCipher(tempDir(), TEST_SCRYPT_COST)
    cipher.unlock(PASSPHRASE)
    const sealed = cipher.encrypt('signing-secret')
    const raw = Buffer.from(sealed.slice(4), 'base64')
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 0x01
    expect(() => cipher.decrypt(`bb1:${raw.toString('base64')}`)).toThrow(TamperedSecretError)
  })

  it('says it is locked, and why, until unlocked', () => {
    const cipher = new PassphraseCipher(tempDir(), TEST_SCRYPT_COST)
    expect(cipher.info()).toMatchObject({ backend: 'passphrase', locked: true })
    expect(cipher.info().detail).toMatch(/No passphrase set yet/)
    expect(() => cipher.encrypt('x')).toThrow(SecretStorageLockedError)
  })

  it('says whether the data folder has a passphrase yet', () => {
    const dir = tempDir()
    expect(new PassphraseCipher(dir, TEST_SCRYPT_COST).info().passphraseSet).toBe(false)
    new PassphraseCipher(dir, TEST_SCRYPT_COST).unlock(PASSPHRASE)
    expect(new PassphraseCipher(dir, TEST_SCRYPT_COST).info().passphraseSet).toBe(true)
  })

  it('says it is locked once, in one sentence, when a secret is needed', () => {
    const dir = tempDir()
    new PassphraseCipher(dir, TEST_SCRYPT_COST).unlock(PASSPHRASE)
    const locked = new PassphraseCipher(dir, TEST_SCRYPT_COST)
    expect(() => locked.decrypt('bb1:x')).toThrow(
      'Secret storage is locked. Enter the passphrase (or set BRIDGEBENCH_PASSPHRASE) to use the stored secrets.',
    )
  })

  it('rejects passphrases that are too short to be useful', () => {
    expect(() => new PassphraseCipher(tempDir(), TEST_SCRYPT_COST).unlock('short')).toThrow(
      /at least 8/,
    )
  })
})
