import { pathToFileURL } from 'node:url'
import { BrowserWindow, nativeTheme } from 'electron'
import { hardenedWindowOptions } from './window-options'

export interface AppPage {
  /** What the window loads; also the only URL the API bridge trusts. */
  url: string
  preloadPath: string
}

export function appPage(outDir: string, devServerUrl: string | undefined): AppPage {
  return {
    url: devServerUrl ?? pathToFileURL(`${outDir}/renderer/index.html`).toString(),
    preloadPath: `${outDir}/preload/index.cjs`,
  }
}

/** The app window; `hash` (`#/inbox/<id>`) opens it on that screen. */
export function createMainWindow(page: AppPage, hash = ''): BrowserWindow {
  const window = new BrowserWindow(
    hardenedWindowOptions(page.preloadPath, nativeTheme.shouldUseDarkColors),
  )
  window.once('ready-to-show', () => window.show())
  void window.loadURL(`${page.url}${hash}`)
  return window
}
