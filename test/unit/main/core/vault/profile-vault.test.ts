import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { confStoreFactory, type JsonStore } from '../../../../../main/core/storage/json-store'
import { PassphraseCipher } from '../../../../../main/core/vault/passphrase-cipher'
import {
  BuiltInProfileError,
  ProfileNotFoundError,
  ProfileVault,
} from '../../../../../main/core/vault/profile-vault'
import { TEST_SCRYPT_COST } from '../../../../helpers/engine'
import { useTempDir } from '../../../../helpers/temp-dir'
import {
  SECRETS,
  acmeInput,
  createVault,
  unlockedCipher,
  weakCipher,
} from '../../../../helpers/vault'

describe('ProfileVault', () => {
  const tempDir = useTempDir()

  it('lists the built-in Sandbox first, active on a fresh install', () => {
    const vault = createVault(tempDir())
    expect(vault.list().map((p) => [p.id, p.builtIn])).toEqual([['sandbox', true]])
    expect(vault.activeProfileId()).toBe('sandbox')
  })

  it('creates a profile with normalised targets and reports secrets only as set + hint', () => {
    const vault = createVault(tempDir())
    const created = vault.create(acmeInput())
    expect(created.zendesk).toMatchObject({
      baseUrl: 'https://acme.zendesk.com',
      subdomain: 'acme',
    })
    expect(created.braze.endpoint).toBe('https://rest.iad-01.braze.com')
    expect(created.secrets.zendeskApiToken).toEqual({ set: true, hint: '5b4a' })
    expect(created.secrets.tunnelAuthToken).toEqual({ set: false })
    expect(JSON.stringify(vault.list())).not.toMatch(/SECRET/)
  })

  it('keeps only ciphertext on disk', () => {
    const dir = tempDir()
    const vault = createVault(dir)
    vault.create(acmeInput())
    const files = ['settings.json', 'secrets.json'].map((f) =>
      readFileSync(path.join(dir, f), 'utf8'),
    )
    for (const text of files) expect(text).not.toMatch(/SECRET/)
    expect(files[1]).toMatch(/"cipherText": "bb1:/)
  })

  it('gives main the plain secret back, from a fresh vault on the same folder', () => {
    const dir = tempDir()
    const id = createVault(dir).create(acmeInput()).id
    const cipher = new PassphraseCipher(dir, TEST_SCRYPT_COST)
    cipher.unlock('correct horse battery staple')
    expect(createVault(dir, cipher).secret(id, 'brazeApiKey')).toBe(SECRETS.brazeApiKey)
  })

  it('replaces and removes secrets', () => {
    const vault = createVault(tempDir())
    const { id } = vault.create(acmeInput())
    vault.setSecret(id, 'brazeApiKey', 'braze-key-REPLACED-99999999')
    expect(vault.secret(id, 'brazeApiKey')).toBe('braze-key-REPLACED-99999999')
    expect(vault.removeSecret(id, 'brazeApiKey').secrets.brazeApiKey).toEqual({ set: false })
    expect(vault.secret(id, 'brazeApiKey')).toBeUndefined()
  })

  it('updates settings without touching secrets, and removes a profile with its secrets', () => {
    const dir = tempDir()
    const vault = createVault(dir)
    const { id } = vault.create(acmeInput())
    vault.activate(id)
    expect(
      vault.update(id, { name: 'Acme prod', zendesk: 'acme-prod.zendesk.com' }).zendesk.subdomain,
    ).toBe('acme-prod')
    expect(vault.secret(id, 'zendeskApiToken')).toBe(SECRETS.zendeskApiToken)
    vault.remove(id)
    expect(vault.activeProfileId()).toBe('sandbox')
    expect(readFileSync(path.join(dir, 'secrets.json'), 'utf8')).not.toContain(id)
  })

  it('refuses to edit or remove the Sandbox', () => {
    const vault = createVault(tempDir())
    expect(() => vault.remove('sandbox')).toThrow(BuiltInProfileError)
    expect(() => vault.update('sandbox', { name: 'x' })).toThrow(/built in/)
  })

  it('names unknown profiles in its error', () => {
    expect(() => createVault(tempDir()).get('p-nope')).toThrow(ProfileNotFoundError)
  })

  it('requires the agent email for API-token auth and a client id for OAuth', () => {
    const vault = createVault(tempDir())
    expect(() => vault.create(acmeInput({ zendeskAuth: { mode: 'api-token' } }))).toThrow(/email/)
    expect(() => vault.create(acmeInput({ zendeskAuth: { mode: 'oauth-pkce' } }))).toThrow(
      /client id/,
    )
  })

  it('writes nothing when a secret cannot be stored (locked passphrase)', () => {
    const dir = tempDir()
    const vault = createVault(dir, new PassphraseCipher(dir, TEST_SCRYPT_COST))
    expect(() => vault.create(acmeInput())).toThrow(
      /Secrets cannot be stored: No passphrase set yet/,
    )
    expect(vault.list()).toHaveLength(1)
  })

  describe('on Linux without a keyring (basic_text)', () => {
    it('asks for a decision before storing any secret', () => {
      const vault = createVault(tempDir(), weakCipher())
      expect(vault.storageInfo()).toMatchObject({ strength: 'weak', needsDecision: true })
      expect(() => vault.create(acmeInput())).toThrow(/weak protection.*session only/)
    })

    it('stores with weak protection once the user accepts it', () => {
      const vault = createVault(tempDir(), weakCipher())
      vault.chooseWeakStorage('weak')
      const { id } = vault.create(acmeInput())
      expect(vault.secret(id, 'brazeApiKey')).toBe(SECRETS.brazeApiKey)
      expect(vault.storageInfo().needsDecision).toBe(false)
    })

    it('keeps secrets in memory only when the user chooses session-only', () => {
      const dir = tempDir()
      const vault = createVault(dir, weakCipher())
      vault.chooseWeakStorage('session-only')
      const { id } = vault.create(acmeInput())
      expect(vault.secret(id, 'brazeApiKey')).toBe(SECRETS.brazeApiKey)
      expect(vault.get(id).secrets.brazeApiKey.set).toBe(true)
      expect(readFileSync(path.join(dir, 'secrets.json'), 'utf8')).not.toContain('weak:')
      expect(vault.storageInfo()).toMatchObject({ backend: 'session-only', needsDecision: false })
      expect(createVault(dir, weakCipher()).get(id).secrets.brazeApiKey.set).toBe(false)
    })
  })

  it('refuses a settings file from a newer version instead of overwriting it', async () => {
    const dir = tempDir()
    const { writeFileSync } = await import('node:fs')
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 99 }))
    expect(() => createVault(dir)).toThrow(/newer Bridgebench/)
    expect(readFileSync(path.join(dir, 'settings.json'), 'utf8')).toBe('{"schemaVersion":99}')
  })

  it('removes a profile’s secrets before the profile, so a crash leaves no orphan ciphertext', () => {
    const dir = tempDir()
    const writes: string[] = []
    const files = confStoreFactory(dir)
    const recording = (name: string): JsonStore => {
      const store = files(name)
      return { ...store, write: (data) => (writes.push(name), store.write(data)) }
    }
    const vault = new ProfileVault({
      stores: recording,
      cipher: unlockedCipher(dir),
      sandbox: () => undefined,
    })
    const profile = vault.create(acmeInput())
    writes.length = 0
    vault.remove(profile.id)
    expect(writes).toEqual(['secrets', 'settings'])
  })

  it('drops at start the ciphertext of profiles that no longer exist', () => {
    const dir = tempDir()
    const kept = createVault(dir).create(acmeInput())
    const secretsFile = path.join(dir, 'secrets.json')
    const stored = JSON.parse(readFileSync(secretsFile, 'utf8')) as {
      secrets: Record<string, unknown>
    }
    stored.secrets['p-0rphan00'] = stored.secrets[kept.id]
    writeFileSync(secretsFile, JSON.stringify(stored))
    createVault(dir)
    const after = JSON.parse(readFileSync(secretsFile, 'utf8')) as { secrets: object }
    expect(Object.keys(after.secrets)).toEqual([kept.id])
  })
})
