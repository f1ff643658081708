import { describe, expect, it, vi } from 'vitest'
import { SafeStorageCipher } from '../../../../main/desktop/safe-storage-cipher'

function fakeSafeStorage(backend = 'gnome_libsecret', available = true) {
  return {
    isEncryptionAvailable: vi.fn(() => available),
    encryptString: vi.fn((text: string) => Buffer.from(`enc(${text})`)),
    decryptString: vi.fn((buffer: Buffer) => buffer.toString().replace(/^enc\((.*)\)$/, '$1')),
    getSelectedStorageBackend: vi.fn(() => backend as never),
  }
}

describe('SafeStorageCipher', () => {
  it('round-trips through safeStorage and marks its ciphertext', () => {
    const cipher = new SafeStorageCipher(fakeSafeStorage(), 'linux')
    const sealed = cipher.encrypt('zd-token')
    expect(sealed.startsWith('ss1:')).toBe(true)
    expect(cipher.decrypt(sealed)).toBe('zd-token')
  })

  it('reports a real keyring as strong', () => {
    expect(new SafeStorageCipher(fakeSafeStorage('kwallet5'), 'linux').info()).toMatchObject({
      backend: 'safe-storage',
      strength: 'strong',
      locked: false,
    })
  })

  it('warns that Linux basic_text storage is weak', () => {
    const info = new SafeStorageCipher(fakeSafeStorage('basic_text'), 'linux').info()
    expect(info.strength).toBe('weak')
    expect(info.detail).toMatch(/hard-coded key/)
  })

  it('is locked, with a reason, when the keychain is unavailable', () => {
    const cipher = new SafeStorageCipher(fakeSafeStorage('unknown', false), 'darwin')
    expect(cipher.info()).toMatchObject({ locked: true, strength: 'none' })
    expect(() => cipher.encrypt('x')).toThrow(/locked/)
  })

  it('refuses ciphertext it did not make', () => {
    expect(() => new SafeStorageCipher(fakeSafeStorage(), 'win32').decrypt('bb1:abc')).toThrow(
      /re-enter/,
    )
  })
})
