import type { ProfileInput } from '../../shared/contract/profiles'
import { confStoreFactory } from '../../main/core/storage/json-store'
import { PassphraseCipher } from '../../main/core/vault/passphrase-cipher'
import { ProfileVault, type SandboxSource } from '../../main/core/vault/profile-vault'
import type { CipherInfo, SecretCipher } from '../../main/core/vault/secret-cipher'
import { TEST_PASSPHRASE, TEST_SCRYPT_COST } from './engine'

export function unlockedCipher(dir: string): PassphraseCipher {
  const cipher = new PassphraseCipher(dir, TEST_SCRYPT_COST)
  cipher.unlock(TEST_PASSPHRASE)
  return cipher
}

/** Linux without a keyring: Electron's basic_text backend (a stand-in that reports it). */
export function weakCipher(): SecretCipher {
  const info: CipherInfo = {
    backend: 'safe-storage',
    label: 'OS keychain: basic_text',
    strength: 'weak',
    locked: false,
    detail: 'hard-coded key',
  }
  return {
    info: () => info,
    encrypt: (text) => `weak:${Buffer.from(text).toString('base64')}`,
    decrypt: (text) => Buffer.from(text.slice(5), 'base64').toString(),
  }
}

export function createVault(
  dir: string,
  cipher: SecretCipher = unlockedCipher(dir),
  sandbox?: SandboxSource,
) {
  return new ProfileVault({ stores: confStoreFactory(dir), cipher, sandbox: () => sandbox })
}

/** Distinctive secret values, so a leak is easy to grep for. */
export const SECRETS = {
  zendeskApiToken: 'zd-token-SECRET-9f8e7d6c5b4a',
  brazeApiKey: 'braze-key-SECRET-0a1b2c3d4e5f',
  zendeskSigningSecret: 'signing-SECRET-1122334455',
}

export function acmeInput(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    name: 'Acme staging',
    zendesk: 'acme',
    zendeskAuth: { mode: 'api-token', email: 'admin@acme.example' },
    brazeEndpoint: 'US-01',
    secrets: { ...SECRETS },
    ...overrides,
  }
}
