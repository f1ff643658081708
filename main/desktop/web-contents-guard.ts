import { app, session, shell, type WebContents } from 'electron'
import { externalUrlToOpen } from './navigation-policy'

/**
 * Applies to every web contents the app ever creates: no navigation away from the app page, no
 * new windows, no <webview>, no permissions. Web links go to the OS browser instead.
 */
export function installWebContentsGuards(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents))
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false)
  })
  session.defaultSession.setPermissionCheckHandler(() => false)
}

export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault()
    openExternally(url)
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url)
    return { action: 'deny' }
  })
}

function openExternally(url: string): void {
  const safe = externalUrlToOpen(url)
  if (safe) void shell.openExternal(safe)
}
