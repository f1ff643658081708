import { describe, expect, it } from 'vitest'
import { PresetNotFoundError, PresetStore } from '../../../../../main/core/presets/preset-store'
import { confStoreFactory } from '../../../../../main/core/storage/json-store'
import { useTempDir } from '../../../../helpers/temp-dir'

const input = {
  name: 'Ada → Sandbox',
  templateId: 'seed',
  userId: 'u-1001',
  profileId: null,
  addTestTag: true,
}

describe('PresetStore', () => {
  const tempDir = useTempDir()

  it('saves, finds by id or name, and keeps presets across restarts', () => {
    const dir = tempDir()
    const saved = new PresetStore(confStoreFactory(dir)('presets')).save(input)
    const reopened = new PresetStore(confStoreFactory(dir)('presets'))
    expect(reopened.find(saved.id)).toEqual(saved)
    expect(reopened.find('ada → sandbox')).toEqual(saved)
  })

  it('updates a preset in place when saved with its id', () => {
    const store = new PresetStore(confStoreFactory(tempDir())('presets'))
    const saved = store.save(input)
    store.save({ ...saved, userId: 'u-1002' })
    expect(store.list()).toEqual([{ ...saved, userId: 'u-1002' }])
  })

  it('refuses a second preset with the same name', () => {
    const store = new PresetStore(confStoreFactory(tempDir())('presets'))
    store.save(input)
    expect(() => store.save({ ...input, userId: 'u-1003' })).toThrow(/already exists/)
  })

  it('names the known presets when one is not found', () => {
    const store = new PresetStore(confStoreFactory(tempDir())('presets'))
    store.save(input)
    expect(() => store.find('nope')).toThrow(PresetNotFoundError)
    expect(() => store.find('nope')).toThrow(/Known presets: Ada → Sandbox/)
  })
})
