import { beforeEach, describe, expect, it, vi } from 'vitest'
import { API_PORT_CHANNEL } from '../../../../shared/desktop-bridge'
import { electronMock } from '../../../helpers/electron-mock'
import { useTempDir } from '../../../helpers/temp-dir'
import { claimDataFolder, liveInstance } from '../../../../main/core/instance/instance-file'

vi.mock('electron', () => electronMock())
const electron = await import('electron')
const { startDesktopApp } = await import('../../../../main/desktop/desktop-app')

interface FakeWindow {
  options: { webPreferences: Record<string, unknown> }
  loadURL: ReturnType<typeof vi.fn>
}
const windows = (electron.BrowserWindow as unknown as { instances: FakeWindow[] }).instances

describe('startDesktopApp', () => {
  const tempDir = useTempDir()
  beforeEach(() => {
    windows.length = 0
    vi.clearAllMocks()
    process.env.BRIDGEBENCH_HOME = tempDir()
  })

  it('keeps settings with electron-store in the data folder', async () => {
    await startDesktopApp({ outDir: '/opt/bb/out', iconDir: '/opt/bb/icons' })
    const { existsSync } = await import('node:fs')
    const home = process.env.BRIDGEBENCH_HOME ?? ''
    expect(existsSync(`${home}/settings.json`)).toBe(true)
  })

  it('quits at once when another instance holds the single-instance lock', async () => {
    vi.mocked(electron.app.requestSingleInstanceLock).mockReturnValueOnce(false)
    await startDesktopApp({ outDir: '/opt/bb/out', iconDir: '/opt/bb/icons' })
    expect(electron.app.quit).toHaveBeenCalled()
    expect(windows).toHaveLength(0)
  })

  it('opens one hardened window on the bundled page with the sandboxed preload', async () => {
    await startDesktopApp({ outDir: '/opt/bb/out', iconDir: '/opt/bb/icons' })
    expect(windows).toHaveLength(1)
    const window = windows[0] as FakeWindow
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      preload: '/opt/bb/out/preload/index.cjs',
    })
    expect(window.loadURL).toHaveBeenCalledWith('file:///opt/bb/out/renderer/index.html')
  })

  it('listens for the API port and brings the window back on a second launch', async () => {
    await startDesktopApp({ outDir: '/opt/bb/out', iconDir: '/opt/bb/icons' })
    expect(electron.ipcMain.on).toHaveBeenCalledWith(API_PORT_CHANNEL, expect.any(Function))
    const app = electron.app as unknown as { emit: (name: string) => void }
    app.emit('second-instance')
    expect((windows[0] as unknown as { show: ReturnType<typeof vi.fn> }).show).toHaveBeenCalled()
  })

  it('keeps running in the tray when the last window closes', async () => {
    await startDesktopApp({ outDir: '/opt/bb/out', iconDir: '/opt/bb/icons' })
    expect(electron.app.on).toHaveBeenCalledWith('window-all-closed', expect.any(Function))
    expect(electron.app.quit).not.toHaveBeenCalled()
  })

  it('stops the engine before quitting', async () => {
    await startDesktopApp({ outDir: '/opt/bb/out', iconDir: '/opt/bb/icons' })
    const app = electron.app as unknown as { emit: (name: string, event: unknown) => void }
    const event = { preventDefault: vi.fn() }
    app.emit('before-quit', event)
    expect(event.preventDefault).toHaveBeenCalled()
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(0))
  })

  it('publishes its API in the instance file so bridgebench commands attach to it', async () => {
    await startDesktopApp({ outDir: '/opt/bb/out', iconDir: '/opt/bb/icons' })
    const home = process.env.BRIDGEBENCH_HOME ?? ''
    const held = await liveInstance(home)
    expect(held).toMatchObject({ door: 'desktop', pid: process.pid })
    expect(held?.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const app = electron.app as unknown as { emit: (name: string, event: unknown) => void }
    app.emit('before-quit', { preventDefault: vi.fn() })
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(0))
    expect(await liveInstance(home)).toBeUndefined()
  })

  it('refuses to start on a data folder another engine holds, and says which', async () => {
    const home = process.env.BRIDGEBENCH_HOME ?? ''
    const other = await claimDataFolder(home, {
      door: 'browser',
      version: '1.2.3',
      now: () => new Date(),
    })
    await startDesktopApp({ outDir: '/opt/bb/out', iconDir: '/opt/bb/icons' })
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Bridgebench is already running',
      expect.stringMatching(/in use by Bridgebench 1\.2\.3 \(browser mode/),
    )
    expect(electron.app.quit).toHaveBeenCalled()
    expect(windows).toHaveLength(0)
    await other.release()
  })
})
