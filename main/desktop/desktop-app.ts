import os from 'node:os'
import { app, clipboard, safeStorage, shell, type BrowserWindow } from 'electron'
import { resolveDataFolder } from '../core/app-paths'
import { Engine } from '../core/engine'
import { electronStoreFactory } from './electron-stores'
import { installApiBridge } from './ipc-bridge'
import { firePresetFromTray } from './preset-notifier'
import { appPage, createMainWindow } from './main-window'
import { SafeStorageCipher } from './safe-storage-cipher'
import { createTray } from './tray'
import { installWebContentsGuards } from './web-contents-guard'

/** How long services get to stop before the app quits anyway. */
const SHUTDOWN_DEADLINE_MS = 5000

export interface DesktopLayout {
  /** The electron-vite output folder (out/), holding main/, preload/ and renderer/. */
  outDir: string
  iconDir: string
}

export async function startDesktopApp(layout: DesktopLayout): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  installWebContentsGuards()
  await app.whenReady()

  const dataFolder = resolveDataFolder({
    env: process.env,
    platform: process.platform,
    homedir: os.homedir(),
    osAppData: app.getPath('userData'),
  })
  const engine = await Engine.create({
    dataFolder,
    version: app.getVersion(),
    door: 'desktop',
    secretCipher: new SafeStorageCipher(safeStorage, process.platform),
    stores: electronStoreFactory(dataFolder),
    openExternal: (url) => void shell.openExternal(url),
    copyToClipboard: (text) => {
      void clipboard.writeText(text)
    },
    // A packaged app ships sample users and templates beside app.asar (electron-builder.yml).
    sandbox: app.isPackaged ? { resourcesDir: process.resourcesPath } : true,
  })
  const page = appPage(layout.outDir, process.env.ELECTRON_RENDERER_URL)
  let window: BrowserWindow | undefined

  const showWindow = () => {
    if (!window || window.isDestroyed()) {
      window = createMainWindow(page)
      window.on('closed', () => (window = undefined))
    } else {
      if (window.isMinimized()) window.restore()
      window.show()
      window.focus()
    }
  }

  installApiBridge({
    engine,
    appUrl: page.url,
    mainContents: () => window?.webContents,
    onRefused: (reason) => console.warn(`[bridgebench] ${reason}`),
  })
  const tray = createTray(engine, {
    iconDir: layout.iconDir,
    platform: process.platform,
    actions: {
      open: showWindow,
      quit: () => app.quit(),
      firePreset: (id) => void firePresetFromTray(engine, id),
    },
  })

  app.on('second-instance', showWindow)
  app.on('activate', showWindow)
  // A tray app keeps running with no window open; Quit is in the tray menu.
  app.on('window-all-closed', () => undefined)

  let stopping = false
  app.on('before-quit', (event) => {
    if (stopping) return
    stopping = true
    event.preventDefault()
    tray.destroy()
    const deadline = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_DEADLINE_MS))
    void Promise.race([engine.close(), deadline])
      .catch((error: unknown) => console.error('[bridgebench] shutdown:', error))
      .finally(() => app.exit(0))
  })

  showWindow()
}
