import type { SecretStorageInfo } from '../../../shared/contract'

/** What a cipher reports; the vault adds whether the user still has to decide about weak storage. */
export type CipherInfo = Omit<SecretStorageInfo, 'needsDecision'>

/**
 * Turns secrets into ciphertext and back. The desktop door supplies Electron's `safeStorage`;
 * plain Node uses a passphrase. Nothing outside the vault ever sees a decrypted secret.
 */
export interface SecretCipher {
  info(): CipherInfo
  encrypt(plainText: string): string
  decrypt(cipherText: string): string
  /** Only passphrase ciphers have one: opens the store for this session. */
  unlock?(passphrase: string): void
}

export class SecretStorageLockedError extends Error {
  constructor(detail: string) {
    super(`Secret storage is locked. ${detail}`)
    this.name = 'SecretStorageLockedError'
  }
}
