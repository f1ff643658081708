import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  scryptSync,
  timingSafeEqual,
} from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { SecretStorageInfo } from '../../../shared/contract'
import { SecretStorageLockedError, type SecretCipher } from './secret-cipher'

const FORMAT = 'bb1'
const KEY_FILE = 'vault-key.json'
/** scrypt cost: ~0.1 s on a laptop, paid once per unlock. The key file records what was used. */
export const DEFAULT_SCRYPT_COST = { N: 2 ** 15, r: 8, p: 1 }
const SCRYPT_MAXMEM = 64 * 1024 * 1024
const CHECK_TEXT = 'bridgebench-passphrase-check'

export interface ScryptCost {
  N: number
  r: number
  p: number
}

interface KeyFile {
  version: 1
  kdf: 'scrypt'
  N: number
  r: number
  p: number
  salt: string
  check: string
}

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
      const salt = randomBytes(16)
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

  info(): SecretStorageInfo {
    const locked = !this.isUnlocked()
    return {
      backend: 'passphrase',
      label: 'Passphrase (scrypt + AES-256-GCM)',
      strength: 'strong',
      locked,
      detail: locked
        ? this.isInitialised()
          ? 'Locked: enter the passphrase (or set BRIDGEBENCH_PASSPHRASE) to use stored secrets.'
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
    const parsed = JSON.parse(readFileSync(this.keyFilePath, 'utf8')) as KeyFile
    if (parsed.version !== 1 || parsed.kdf !== 'scrypt') {
      throw new Error(`Unsupported key file format in ${this.keyFilePath}.`)
    }
    return parsed
  }

  private writeKeyFile(keyFile: KeyFile): void {
    mkdirSync(this.dataFolder, { recursive: true })
    const temp = `${this.keyFilePath}.${process.pid}.tmp`
    writeFileSync(temp, JSON.stringify(keyFile, null, 2), { mode: 0o600 })
    renameSync(temp, this.keyFilePath)
  }
}

function deriveKey(passphrase: string, salt: Buffer, { N, r, p }: ScryptCost) {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { N, r, p, maxmem: SCRYPT_MAXMEM })
}

function seal(key: Buffer, plainText: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()])
  return `${FORMAT}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`
}

function open(key: Buffer, sealed: string): string {
  const [format, payload] = sealed.split(':', 2)
  if (format !== FORMAT || !payload) throw new Error('not a Bridgebench ciphertext')
  const raw = Buffer.from(payload, 'base64')
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12))
  decipher.setAuthTag(raw.subarray(12, 28))
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
}
