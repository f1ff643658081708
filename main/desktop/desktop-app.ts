import os from 'node:os'
import path from 'node:path'
import { app, clipboard, dialog, safeStorage, shell, type BrowserWindow } from 'electron'
import { resolveDataFolder } from '../core/app-paths'
import { Engine } from '../core/engine'
import { claimDataFolder, DataFolderHeldError } from '../core/instance/instance-file'
import { startWebServer } from '../web/server'
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
  // One engine per data folder: `bridgebench serve` on the same folder would fight over files.
  let claim
  try {
    claim = await claimDataFolder(dataFolder, {
      door: 'desktop',
      version: app.getVersion(),
      now: () => new Date(),
    })
  } catch (error) {
    if (!(error instanceof DataFolderHeldError)) throw error
    dialog.showErrorBox('Bridgebench is already running', error.message)
    app.quit()
    return
  }
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
    sandbox: app.isPackaged ? { resourcesDir: process.resourcesPath } : {},
  })
  // Renders run in a worker: load it now, so the first preview does not wait for it.
  engine.renderer.warm()
  // The CLI attaches to this app through its API on loopback (token in the 0600 instance file).
  const control = await startWebServer({
    engine,
    rendererDir: path.join(layout.outDir, 'renderer'),
  })
  await claim.publish({ apiUrl: control.origin, token: control.token })
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
    const stop = async () => {
      await control.close()
      await engine.close()
      await claim.release()
    }
    void Promise.race([stop(), deadline])
      .catch((error: unknown) => console.error('[bridgebench] shutdown:', error))
      .finally(() => app.exit(0))
  })

  showWindow()
}
