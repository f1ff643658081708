import { timingSafeEqual } from 'node:crypto'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { writeFileDurablySync } from '../storage/durable-files'
import { readJsonObjectSync } from '../storage/json-store'
import { ensurePrivateFolderSync } from '../storage/private-folder'
import { DEFAULT_SCRYPT_COST, deriveKey, newSalt, open, seal, type ScryptCost } from './aes-gcm'
import { SecretStorageLockedError, type CipherInfo, type SecretCipher } from './secret-cipher'

const KEY_FILE = 'vault-key.json'
const CHECK_TEXT = 'bridgebench-passphrase-check'

const keyFileSchema = z.object({
  version: z.literal(1),
  kdf: z.literal('scrypt'),
  N: z.number(),
  r: z.number(),
  p: z.number(),
  salt: z.string(),
  check: z.string(),
})
type KeyFile = z.infer<typeof keyFileSchema>

export class WrongPassphraseError extends Error {
  constructor() {
    super(
      'Wrong passphrase: it does not open the secrets already stored in this data folder. ' +
        'Enter the passphrase used when they were saved (BRIDGEBENCH_PASSPHRASE), or use another data folder (BRIDGEBENCH_HOME).',
    )
    this.name = 'WrongPassphraseError'
  }
}

export class TamperedSecretError extends Error {
  constructor() {
    super(
      'A stored secret failed its integrity check: the ciphertext was changed or belongs to another key. Re-enter that secret.',
    )
    this.name = 'TamperedSecretError'
  }
}

/** AES-256-GCM with a key derived by scrypt from a passphrase, for Node and browser mode. */
export class PassphraseCipher implements SecretCipher {
  private key: Buffer | undefined

  constructor(
    private readonly dataFolder: string,
    /** Only lowered by tests, for speed; new key files record the cost they were made with. */
    private readonly cost: ScryptCost = DEFAULT_SCRYPT_COST,
  ) {}

  get keyFilePath(): string {
    return path.join(this.dataFolder, KEY_FILE)
  }

  isInitialised(): boolean {
    return existsSync(this.keyFilePath)
  }

  isUnlocked(): boolean {
    return this.key !== undefined
  }

  /**
   * The first unlock in a data folder sets the passphrase; later ones must match it. A wrong
   * passphrase is refused, never used to start a new key (that would orphan every stored secret).
   */
  unlock(passphrase: string): void {
    if (passphrase.length < 8) {
      throw new Error('The passphrase must be at least 8 characters long.')
    }
    const keyFile = this.readKeyFile()
    if (!keyFile) {
      const salt = newSalt()
      const key = deriveKey(passphrase, salt, this.cost)
      const { N, r, p } = this.cost
      const check = seal(key, CHECK_TEXT)
      this.writeKeyFile({
        version: 1,
        kdf: 'scrypt',
        N,
        r,
        p,
        salt: salt.toString('base64'),
        check,
      })
      this.key = key
      return
    }
    const key = deriveKey(passphrase, Buffer.from(keyFile.salt, 'base64'), keyFile)
    let opened: string
    try {
      opened = open(key, keyFile.check)
    } catch {
      throw new WrongPassphraseError()
    }
    if (!timingSafeEqual(Buffer.from(opened), Buffer.from(CHECK_TEXT)))
      throw new WrongPassphraseError()
    this.key = key
  }

  lock(): void {
    this.key = undefined
  }

  info(): CipherInfo {
    const locked = !this.isUnlocked()
    return {
      backend: 'passphrase',
      label: 'Passphrase (scrypt + AES-256-GCM)',
      strength: 'strong',
      locked,
      passphraseSet: this.isInitialised(),
      detail: locked
        ? this.isInitialised()
          ? 'Enter the passphrase (or set BRIDGEBENCH_PASSPHRASE) to use the stored secrets.'
          : 'No passphrase set yet: choose one (or set BRIDGEBENCH_PASSPHRASE) before storing secrets.'
        : `Unlocked; key file ${this.keyFilePath}`,
    }
  }

  encrypt(plainText: string): string {
    return seal(this.requireKey(), plainText)
  }

  decrypt(cipherText: string): string {
    try {
      return open(this.requireKey(), cipherText)
    } catch (error) {
      if (error instanceof SecretStorageLockedError) throw error
      throw new TamperedSecretError()
    }
  }

  private requireKey(): Buffer {
    if (!this.key) throw new SecretStorageLockedError(this.info().detail)
    return this.key
  }

  private readKeyFile(): KeyFile | undefined {
    if (!this.isInitialised()) return undefined
    const parsed = keyFileSchema.safeParse(readJsonObjectSync(this.keyFilePath))
    if (!parsed.success) {
      throw new Error(
        `Unsupported key file format in ${this.keyFilePath}. Bridgebench left it untouched; it holds what opens your stored secrets.`,
      )
    }
    return parsed.data
  }

  private writeKeyFile(keyFile: KeyFile): void {
    ensurePrivateFolderSync(this.dataFolder)
    writeFileDurablySync(this.keyFilePath, JSON.stringify(keyFile, null, 2))
  }
}
