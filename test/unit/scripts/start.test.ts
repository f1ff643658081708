import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import {
  chooseDoor,
  desktopBlocker,
  fallbackParagraph,
  locateElectron,
  obtainElectron,
} from '../../../scripts/start'
import { useTempDir } from '../../helpers/temp-dir'

function electronPackage(root: string, withBinary: boolean): string {
  const dir = path.join(root, 'electron')
  mkdirSync(path.join(dir, 'dist'), { recursive: true })
  if (withBinary) {
    writeFileSync(path.join(dir, 'path.txt'), 'electron')
    writeFileSync(path.join(dir, 'dist', 'electron'), '')
  }
  return dir
}

describe('npm start', () => {
  const tempDir = useTempDir()

  it('uses the Electron binary when it is installed', () => {
    const dir = electronPackage(tempDir(), true)
    expect(locateElectron(dir)).toEqual({ ok: true, binary: path.join(dir, 'dist', 'electron') })
  })

  it('tries the download once, then explains why it could not get Electron', () => {
    const dir = electronPackage(tempDir(), false)
    const download = vi.fn(() => ({ ok: false, detail: 'getaddrinfo ENOTFOUND github.com' }))
    const result = obtainElectron(dir, { env: {}, download, log: vi.fn() })
    expect(download).toHaveBeenCalledTimes(1)
    expect(result).toEqual({
      ok: false,
      reason: 'the download failed: getaddrinfo ENOTFOUND github.com',
    })
  })

  it('finds the binary after a successful download', () => {
    const dir = electronPackage(tempDir(), false)
    const download = vi.fn(() => {
      writeFileSync(path.join(dir, 'path.txt'), 'electron')
      writeFileSync(path.join(dir, 'dist', 'electron'), '')
      return { ok: true, detail: '' }
    })
    expect(obtainElectron(dir, { env: {}, download, log: vi.fn() })).toMatchObject({ ok: true })
  })

  it('does not download when ELECTRON_SKIP_BINARY_DOWNLOAD is set', () => {
    const dir = electronPackage(tempDir(), false)
    const download = vi.fn(() => ({ ok: true, detail: '' }))
    const result = obtainElectron(dir, {
      env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      download,
      log: vi.fn(),
    })
    expect(download).not.toHaveBeenCalled()
    expect(result).toMatchObject({ ok: false })
  })

  it('names the mirror it downloads from', () => {
    const dir = electronPackage(tempDir(), false)
    const log = vi.fn()
    obtainElectron(dir, {
      env: { ELECTRON_MIRROR: 'https://mirror.example/electron/' },
      download: () => ({ ok: false, detail: 'x' }),
      log,
    })
    expect(log).toHaveBeenCalledWith(expect.stringContaining('https://mirror.example/electron/'))
  })

  it('falls back on Linux without a display', () => {
    expect(desktopBlocker({}, 'linux')).toMatch(/no graphical display/)
    expect(desktopBlocker({ DISPLAY: ':0' }, 'linux')).toBeUndefined()
    expect(desktopBlocker({}, 'darwin')).toBeUndefined()
  })

  it('does not download on a headless machine, and says both why and what is missing', () => {
    const dir = electronPackage(tempDir(), false)
    const download = vi.fn(() => ({ ok: true, detail: '' }))
    const result = chooseDoor(dir, { env: {}, platform: 'linux', download, log: vi.fn() })
    expect(download).not.toHaveBeenCalled()
    expect(result).toEqual({
      ok: false,
      reason:
        'there is no graphical display here (neither DISPLAY nor WAYLAND_DISPLAY is set), and the Electron binary has not been downloaded',
    })
  })

  it('explains the fallback in one paragraph that names browser mode and ELECTRON_MIRROR', () => {
    const text = fallbackParagraph('the download failed: offline')
    expect(text).toContain('the download failed: offline')
    expect(text).toContain('browser mode')
    expect(text).toContain('ELECTRON_MIRROR')
    expect(text.split('\n\n')).toHaveLength(1)
  })
})
