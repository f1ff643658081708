import type { BrowserWindowConstructorOptions } from 'electron'

/** The main window: an isolated, sandboxed renderer with no Node and no way to grow powers. */
export function hardenedWindowOptions(
  preloadPath: string,
  darkMode: boolean,
): BrowserWindowConstructorOptions {
  return {
    width: 1320,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Bridgebench',
    backgroundColor: darkMode ? '#16181d' : '#f7f7f8',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  }
}
