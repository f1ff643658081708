import { describe, expect, it } from 'vitest'
import { resolveDataFolder } from '../../../../main/core/app-paths'

describe('resolveDataFolder', () => {
  it('uses BRIDGEBENCH_HOME when set, so tests and scripts never touch user data', () => {
    expect(
      resolveDataFolder({
        env: { BRIDGEBENCH_HOME: '/tmp/bb' },
        platform: 'linux',
        homedir: '/home/u',
      }),
    ).toBe('/tmp/bb')
  })

  it('prefers BRIDGEBENCH_HOME over the desktop app-data folder', () => {
    expect(
      resolveDataFolder({
        env: { BRIDGEBENCH_HOME: '/tmp/bb' },
        platform: 'darwin',
        homedir: '/Users/u',
        osAppData: '/Users/u/Library/Application Support/Bridgebench',
      }),
    ).toBe('/tmp/bb')
  })

  it('follows the XDG config folder on Linux', () => {
    expect(resolveDataFolder({ env: {}, platform: 'linux', homedir: '/home/u' })).toBe(
      '/home/u/.config/Bridgebench',
    )
    expect(
      resolveDataFolder({
        env: { XDG_CONFIG_HOME: '/xdg' },
        platform: 'linux',
        homedir: '/home/u',
      }),
    ).toBe('/xdg/Bridgebench')
  })

  it('uses Application Support on macOS, like Electron userData', () => {
    expect(resolveDataFolder({ env: {}, platform: 'darwin', homedir: '/Users/u' })).toBe(
      '/Users/u/Library/Application Support/Bridgebench',
    )
  })

  it('ignores a blank BRIDGEBENCH_HOME', () => {
    expect(
      resolveDataFolder({ env: { BRIDGEBENCH_HOME: '  ' }, platform: 'linux', homedir: '/home/u' }),
    ).toBe('/home/u/.config/Bridgebench')
  })
})
