import { describe, expect, it } from 'vitest'
import {
  SettingsTooNewError,
  migrate,
  type Migration,
} from '../../../../../main/core/storage/settings-migrations'
import { SETTINGS_MIGRATIONS } from '../../../../../main/core/vault/stored-settings'

const steps: Migration[] = [
  { to: 1, describe: 'add profiles', up: (d) => ({ profiles: [], ...d }) },
  {
    to: 2,
    describe: 'rename theme',
    up: ({ theme, ...d }) => ({ ...d, appearance: theme ?? 'system' }),
  },
]

describe('settings migrations', () => {
  it('brings an unversioned file up to the latest version, one step at a time', () => {
    expect(migrate({ theme: 'dark' }, steps, 'settings.json')).toEqual({
      data: { profiles: [], appearance: 'dark', schemaVersion: 2 },
      applied: ['add profiles', 'rename theme'],
    })
  })

  it('applies only the steps a file has not had yet', () => {
    const { applied } = migrate({ schemaVersion: 1, profiles: [] }, steps, 'settings.json')
    expect(applied).toEqual(['rename theme'])
  })

  it('refuses a file written by a newer version instead of downgrading it', () => {
    expect(() => migrate({ schemaVersion: 3 }, steps, '/x/settings.json')).toThrow(
      SettingsTooNewError,
    )
    expect(() => migrate({ schemaVersion: 3 }, steps, '/x/settings.json')).toThrow(
      /Update Bridgebench/,
    )
  })

  it('gives a fresh install the Sandbox as its active profile', () => {
    expect(migrate({}, SETTINGS_MIGRATIONS, 's').data).toEqual({
      schemaVersion: 1,
      activeProfileId: 'sandbox',
      profiles: [],
      weakStorageChoice: null,
    })
  })
})
