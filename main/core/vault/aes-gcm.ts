import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto'

/** scrypt cost parameters; files that hold a derived key record the ones they used. */
export interface ScryptCost {
  N: number
  r: number
  p: number
}

/** ~0.1 s on a laptop, paid once per unlock or export. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 }
const SCRYPT_MAXMEM = 64 * 1024 * 1024
const FORMAT = 'bb1'

export function newSalt(): Buffer {
  return randomBytes(16)
}

export function deriveKey(passphrase: string, salt: Buffer, { N, r, p }: ScryptCost): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { N, r, p, maxmem: SCRYPT_MAXMEM })
}

/** `bb1:` + base64(iv ‖ tag ‖ ciphertext), AES-256-GCM with a fresh 96-bit IV. */
export function seal(key: Buffer, plainText: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()])
  return `${FORMAT}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`
}

/** Throws when the text was changed or sealed under another key (GCM authentication). */
export function open(key: Buffer, sealed: string): string {
  const [format, payload] = sealed.split(':', 2)
  if (format !== FORMAT || !payload) throw new Error('not a Bridgebench ciphertext')
  const raw = Buffer.from(payload, 'base64')
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12))
  decipher.setAuthTag(raw.subarray(12, 28))
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
}
