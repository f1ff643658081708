import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CorruptDataError } from '../../../../../main/core/storage/corrupt-data'
import { createTestEngine } from '../../../../helpers/engine'
import { useTempDir } from '../../../../helpers/temp-dir'

/** Every JSON document the engine keeps in its data folder. */
const DOCUMENTS = [
  'settings.json',
  'secrets.json',
  'templates.json',
  'users.json',
  'presets.json',
  'test-tickets.json',
  'vault-key.json',
]

/** Valid JSON that is not an object, and JSON a crash or an editor cut off. */
const NOT_A_DOCUMENT = [
  '[{"id":"p-1a2b3c4d","name":"Acme"}]',
  'null',
  '"settings"',
  '42',
  '{"schemaVersion": 1, "profiles": [{"id": "p-1a2b',
  '',
]

describe('stored JSON documents are never silently replaced', () => {
  const tempDir = useTempDir()

  it('refuses a document that is not a JSON object, names the file, and leaves it as it was', async () => {
    for (const name of DOCUMENTS) {
      for (const content of NOT_A_DOCUMENT) {
        const dir = tempDir()
        const file = path.join(dir, name)
        writeFileSync(file, content)
        const error = await createTestEngine(dir).then(
          async (engine) => {
            await engine.close()
            return undefined
          },
          (e: unknown) => e,
        )
        expect(error, `${name} holding ${JSON.stringify(content)}`).toBeInstanceOf(Error)
        expect((error as Error).message).toContain(file)
        expect((error as Error).message).not.toMatch(/Unexpected (token|end)/)
        expect(readFileSync(file, 'utf8')).toBe(content)
      }
    }
  })

  it('says where a cut-off document ends, without quoting it', async () => {
    const dir = tempDir()
    writeFileSync(path.join(dir, 'settings.json'), '{"schemaVersion": 1, "profiles": [')
    const error = await createTestEngine(dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CorruptDataError)
    expect((error as Error).message).toMatch(/settings\.json .*ends too early/)
    expect((error as Error).message).not.toContain('profiles')
  })

  it('keeps a copy of a document before a migration rewrites it', async () => {
    const dir = tempDir()
    const original = '{"profiles": [], "weakStorageChoice": null}'
    writeFileSync(path.join(dir, 'settings.json'), original)
    const engine = await createTestEngine(dir)
    await engine.close()
    const backups = readdirSync(dir).filter((n) => n.startsWith('settings.json.bak-0-'))
    expect(backups).toHaveLength(1)
    expect(readFileSync(path.join(dir, backups[0] ?? ''), 'utf8')).toBe(original)
    expect(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toMatchObject({
      schemaVersion: 1,
    })
  })

  it('writes no backup for a fresh data folder', async () => {
    const dir = tempDir()
    const engine = await createTestEngine(dir)
    engine.vault.chooseWeakStorage('weak')
    await engine.close()
    expect(readdirSync(dir).filter((n) => n.includes('.bak-'))).toEqual([])
  })
})
