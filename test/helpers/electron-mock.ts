import { vi } from 'vitest'

/**
 * A stand-in for the `electron` module (its binary cannot run in tests). Each test file calls
 * `vi.mock('electron', () => electronMock())` and inspects the recorded calls.
 */
export function electronMock() {
  const appListeners = new Map<string, Array<(...args: unknown[]) => void>>()
  const app = {
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn(() => '/tmp/bridgebench-electron-userdata'),
    getVersion: vi.fn(() => '0.0.0-test'),
    isPackaged: false,
    on: vi.fn((name: string, listener: (...args: unknown[]) => void) => {
      appListeners.set(name, [...(appListeners.get(name) ?? []), listener])
      return app
    }),
    emit: (name: string, ...args: unknown[]) => {
      for (const listener of appListeners.get(name) ?? []) listener(...args)
    },
  }
  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  }
  const ipcMain = { on: vi.fn(), off: vi.fn() }
  const shell = { openExternal: vi.fn(() => Promise.resolve()) }
  const safeStorage = {
    isEncryptionAvailable: vi.fn(() => true),
    encryptString: vi.fn((text: string) => Buffer.from(`enc(${text})`)),
    decryptString: vi.fn((buffer: Buffer) => buffer.toString().replace(/^enc\((.*)\)$/, '$1')),
    getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
  }
  class BrowserWindow {
    static instances: BrowserWindow[] = []
    webContents = { id: 1 }
    constructor(readonly options: unknown) {
      BrowserWindow.instances.push(this)
    }
    once = vi.fn()
    on = vi.fn()
    loadURL = vi.fn(() => Promise.resolve())
    show = vi.fn()
    focus = vi.fn()
    restore = vi.fn()
    isMinimized = vi.fn(() => false)
    isDestroyed = vi.fn(() => false)
  }
  class Tray {
    static instances: Tray[] = []
    menu: unknown
    tooltip = ''
    constructor(readonly image: unknown) {
      Tray.instances.push(this)
    }
    setContextMenu = vi.fn((menu: unknown) => (this.menu = menu))
    setToolTip = vi.fn((text: string) => (this.tooltip = text))
    on = vi.fn()
    destroy = vi.fn()
  }
  const Menu = { buildFromTemplate: vi.fn((template: unknown) => ({ template })) }
  const nativeImage = {
    createFromPath: vi.fn((file: string) => ({ file, setTemplateImage: vi.fn() })),
  }
  const nativeTheme = { shouldUseDarkColors: false }
  const clipboard = { writeText: vi.fn() }
  class Notification {
    static instances: Notification[] = []
    static isSupported = vi.fn(() => true)
    constructor(readonly options: { title: string; body: string }) {
      Notification.instances.push(this)
    }
    on = vi.fn()
    show = vi.fn()
  }
  const electron = {
    app,
    session: { defaultSession },
    ipcMain,
    shell,
    safeStorage,
    BrowserWindow,
    Tray,
    Menu,
    nativeImage,
    nativeTheme,
    clipboard,
    Notification,
    dialog: { showErrorBox: vi.fn() },
  }
  return { ...electron, default: electron }
}
