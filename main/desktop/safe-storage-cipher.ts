import type { SafeStorage } from 'electron'
import {
  SecretStorageLockedError,
  type CipherInfo,
  type SecretCipher,
} from '../core/vault/secret-cipher'

type SafeStorageApi = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>

const PREFIX = 'ss1:'

/** The desktop cipher: the OS keychain (Keychain, DPAPI, libsecret/kwallet) through `safeStorage`. */
export class SafeStorageCipher implements SecretCipher {
  constructor(
    private readonly storage: SafeStorageApi,
    private readonly platform: NodeJS.Platform,
  ) {}

  info(): CipherInfo {
    const label = 'Operating-system keychain (Electron safeStorage)'
    if (!this.storage.isEncryptionAvailable()) {
      return {
        backend: 'safe-storage',
        label,
        strength: 'none',
        locked: true,
        detail: 'The OS keychain is not available in this session; secrets cannot be stored.',
      }
    }
    if (this.platform === 'linux') {
      const backend = this.storage.getSelectedStorageBackend()
      if (backend === 'basic_text' || backend === 'unknown') {
        return {
          backend: 'safe-storage',
          label: `${label}: ${backend}`,
          strength: 'weak',
          locked: false,
          detail:
            'No keyring (gnome-libsecret or kwallet) was found: secrets would be stored with a hard-coded key that any local process can undo.',
        }
      }
      return {
        backend: 'safe-storage',
        label: `${label}: ${backend}`,
        strength: 'strong',
        locked: false,
        detail: 'Keys are held by your desktop keyring.',
      }
    }
    return {
      backend: 'safe-storage',
      label,
      strength: 'strong',
      locked: false,
      detail: 'Keys are held by the OS keychain.',
    }
  }

  encrypt(plainText: string): string {
    this.requireAvailable()
    return PREFIX + this.storage.encryptString(plainText).toString('base64')
  }

  decrypt(cipherText: string): string {
    this.requireAvailable()
    if (!cipherText.startsWith(PREFIX)) {
      throw new Error('This secret was not stored by the OS keychain cipher; re-enter it.')
    }
    return this.storage.decryptString(Buffer.from(cipherText.slice(PREFIX.length), 'base64'))
  }

  private requireAvailable(): void {
    if (!this.storage.isEncryptionAvailable())
      throw new SecretStorageLockedError(this.info().detail)
  }
}
