import { describe, expect, it } from 'vitest'
import { exportProfiles, importProfiles } from '../../../../../main/core/vault/profile-transfer'
import { TEST_SCRYPT_COST } from '../../../../helpers/engine'
import { useTempDir } from '../../../../helpers/temp-dir'
import { SECRETS, acmeInput, createVault } from '../../../../helpers/vault'

const now = new Date('2026-11-25T10:00:00Z')

describe('profile export and import', () => {
  const tempDir = useTempDir()

  function source() {
    const vault = createVault(tempDir())
    vault.create(acmeInput())
    return vault
  }

  it('exports settings without any secret by default', () => {
    const file = exportProfiles(source(), { includeSecrets: false, now })
    expect(file.fileName).toBe('bridgebench-profiles-2026-11-25.json')
    expect(file.content).not.toMatch(/SECRET|sealedSecrets|kdf/)
    expect(JSON.parse(file.content)).toMatchObject({
      profiles: [{ name: 'Acme staging', zendesk: 'https://acme.zendesk.com' }],
    })
  })

  it('never exports the built-in Sandbox', () => {
    const { content } = exportProfiles(source(), { includeSecrets: false, now })
    expect((JSON.parse(content) as { profiles: unknown[] }).profiles).toHaveLength(1)
  })

  it('seals secrets under the export passphrase, never in the clear', () => {
    const file = exportProfiles(source(), {
      includeSecrets: true,
      passphrase: 'export passphrase',
      now,
      cost: TEST_SCRYPT_COST,
    })
    expect(file.content).not.toMatch(/SECRET/)
    expect(file.content).toMatch(/"brazeApiKey": "bb1:/)
  })

  it('refuses to export secrets without a passphrase', () => {
    expect(() => exportProfiles(source(), { includeSecrets: true, now })).toThrow(
      /passphrase of at least 8/,
    )
  })

  it('imports profiles and their secrets with the right passphrase', () => {
    const file = exportProfiles(source(), {
      includeSecrets: true,
      passphrase: 'export passphrase',
      now,
      cost: TEST_SCRYPT_COST,
    })
    const target = createVault(tempDir())
    const { imported, skippedSecrets } = importProfiles(target, file.content, 'export passphrase')
    expect(skippedSecrets).toBe(0)
    expect(target.secret(imported[0]?.id ?? '', 'brazeApiKey')).toBe(SECRETS.brazeApiKey)
  })

  it('imports nothing at all when the passphrase is wrong', () => {
    const file = exportProfiles(source(), {
      includeSecrets: true,
      passphrase: 'export passphrase',
      now,
      cost: TEST_SCRYPT_COST,
    })
    const target = createVault(tempDir())
    expect(() => importProfiles(target, file.content, 'not the passphrase')).toThrow(
      /Wrong passphrase for this export/,
    )
    expect(target.list()).toHaveLength(1)
  })

  it('imports settings and skips sealed secrets when no passphrase is given', () => {
    const file = exportProfiles(source(), {
      includeSecrets: true,
      passphrase: 'export passphrase',
      now,
      cost: TEST_SCRYPT_COST,
    })
    const result = importProfiles(createVault(tempDir()), file.content, undefined)
    expect(result.skippedSecrets).toBe(3)
    expect(result.imported[0]?.secrets.brazeApiKey.set).toBe(false)
  })

  it('renames an imported profile whose name is taken', () => {
    const vault = source()
    const file = exportProfiles(vault, { includeSecrets: false, now })
    expect(importProfiles(vault, file.content, undefined).imported[0]?.name).toBe(
      'Acme staging (2)',
    )
  })

  it('explains a file that is not an export', () => {
    const vault = createVault(tempDir())
    expect(() => importProfiles(vault, 'hello', undefined)).toThrow(
      /not a Bridgebench profile export \(it is not JSON\)/,
    )
    expect(() => importProfiles(vault, '{"format":"x"}', undefined)).toThrow(/format/)
  })
})
