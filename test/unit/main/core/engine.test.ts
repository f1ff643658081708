import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Engine } from '../../../../main/core/engine'
import { PassphraseCipher } from '../../../../main/core/vault/passphrase-cipher'
import { createTestEngine } from '../../../helpers/engine'
import { useTempDir } from '../../../helpers/temp-dir'

describe('Engine', () => {
  const tempDir = useTempDir()

  it('creates its data folder and reports it in app info', async () => {
    const dataFolder = path.join(tempDir(), 'nested', 'home')
    const engine = await Engine.create({
      dataFolder,
      version: '1.2.3',
      door: 'cli',
      secretCipher: new PassphraseCipher(dataFolder),
      platform: 'linux',
    })
    expect(existsSync(dataFolder)).toBe(true)
    expect(engine.info()).toMatchObject({
      name: 'Bridgebench',
      version: '1.2.3',
      door: 'cli',
      platform: 'linux',
      dataFolder,
      activeProfile: { id: 'sandbox', name: 'Sandbox' },
      secretStorage: { backend: 'passphrase', locked: true },
    })
  })

  it('publishes a status event whenever a service changes state', async () => {
    const engine = await createTestEngine(tempDir())
    const stream = engine.events.subscribe()
    engine.services.set({ id: 'example', label: 'Example', state: 'running', detail: ':8080' })
    const event = (await stream.next()).value
    expect(event?.type === 'status' && event.status.services).toContainEqual(
      expect.objectContaining({ id: 'example', state: 'running' }),
    )
    await stream.return(undefined)
  })

  it('stops every registered service on close, even when one fails', async () => {
    const engine = await createTestEngine(tempDir())
    const stopped: string[] = []
    engine.onClose(async () => {
      stopped.push('first')
      await Promise.resolve()
    })
    engine.onClose(() => Promise.reject(new Error('stuck')))
    engine.onClose(async () => {
      stopped.push('third')
      await Promise.resolve()
    })
    await expect(engine.close()).rejects.toThrow('Some services did not stop cleanly')
    expect(stopped.sort()).toEqual(['first', 'third'])
  })
})
