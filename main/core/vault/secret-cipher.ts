import type { SecretStorageInfo } from '../../../shared/contract'

/**
 * Turns secrets into ciphertext and back. The desktop door supplies Electron's `safeStorage`;
 * plain Node uses a passphrase. Nothing outside the vault ever sees a decrypted secret.
 */
export interface SecretCipher {
  info(): SecretStorageInfo
  encrypt(plainText: string): string
  decrypt(cipherText: string): string
}

export class SecretStorageLockedError extends Error {
  constructor(detail: string) {
    super(`Secret storage is locked: ${detail}`)
    this.name = 'SecretStorageLockedError'
  }
}
