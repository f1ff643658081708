import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { Engine } from '../../../../../main/core/engine'
import { unlockedCipher } from '../../../../helpers/vault'
import { useTempDir } from '../../../../helpers/temp-dir'

function mode(entry: string): number {
  return statSync(entry).mode & 0o777
}

async function startEngine(dataFolder: string, notice = vi.fn()) {
  const engine = await Engine.create({
    dataFolder,
    version: '9.9.9-test',
    door: 'cli',
    secretCipher: unlockedCipher(dataFolder),
    log: notice,
  })
  return { engine, notice }
}

describe.skipIf(process.platform === 'win32')('the data folder is private', () => {
  const tempDir = useTempDir()

  it('creates a new data folder 0700, with every file in it 0600', async () => {
    const dataFolder = path.join(tempDir(), 'fresh', 'Bridgebench')
    const { engine } = await startEngine(dataFolder)
    engine.vault.chooseWeakStorage('weak')
    await engine.close()
    expect(mode(dataFolder)).toBe(0o700)
    expect(mode(path.join(dataFolder, 'exchanges'))).toBe(0o700)
    for (const name of readdirSync(dataFolder).filter((n) => n.endsWith('.json'))) {
      expect(mode(path.join(dataFolder, name)), name).toBe(0o600)
    }
  })

  it('tightens an existing folder an older release left 755/644, with one notice', async () => {
    const dataFolder = tempDir()
    const exchanges = path.join(dataFolder, 'exchanges')
    mkdirSync(exchanges)
    const record = path.join(exchanges, '01JDQ8W9T6V3N2M1K0H9G8F7E6.json')
    writeFileSync(record, '{}')
    writeFileSync(path.join(dataFolder, 'settings.json'), '{}')
    for (const [entry, loose] of [
      [dataFolder, 0o755],
      [exchanges, 0o755],
      [record, 0o644],
      [path.join(dataFolder, 'settings.json'), 0o644],
    ] as const) {
      chmodSync(entry, loose)
    }
    const { engine, notice } = await startEngine(dataFolder)
    await engine.close()
    expect(mode(dataFolder)).toBe(0o700)
    expect(mode(exchanges)).toBe(0o700)
    expect(mode(record)).toBe(0o600)
    expect(mode(path.join(dataFolder, 'settings.json'))).toBe(0o600)
    expect(notice).toHaveBeenCalledWith(
      expect.stringMatching(/warning: Made \d+ entries in .* private to you/),
    )
  })

  it('says nothing when the folder is already private', async () => {
    const dataFolder = tempDir()
    await (await startEngine(dataFolder)).engine.close()
    const { engine, notice } = await startEngine(dataFolder)
    await engine.close()
    expect(notice).not.toHaveBeenCalled()
  })
})
