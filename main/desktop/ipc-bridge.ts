import { ipcMain, type IpcMainEvent, type WebContents } from 'electron'
import { RPCHandler } from '@orpc/server/message-port'
import { API_PORT_CHANNEL } from '../../shared/desktop-bridge'
import { handlerOptions } from '../api/handler-options'
import { router } from '../api/router'
import type { Engine } from '../core/engine'
import { isAppUrl } from './navigation-policy'

export interface SenderFrame {
  url: string
  parent: unknown
}

/**
 * The API port is accepted only from the app page itself in the main window's top frame: never
 * from a child frame, another window, or a page the window was somehow navigated to.
 */
export function isTrustedSender(
  sender: WebContents,
  frame: SenderFrame | null | undefined,
  trusted: { contents: WebContents | undefined; appUrl: string },
): boolean {
  if (!trusted.contents || sender !== trusted.contents) return false
  if (!frame || frame.parent !== null) return false
  return isAppUrl(frame.url, trusted.appUrl)
}

export interface ApiBridgeOptions {
  engine: Engine
  appUrl: string
  mainContents: () => WebContents | undefined
  onRefused: (reason: string) => void
}

/** Serves the typed API over a MessagePort the renderer hands over through the preload. */
export function installApiBridge(options: ApiBridgeOptions): () => void {
  const handler = new RPCHandler(router, handlerOptions())
  const listener = (event: IpcMainEvent) => {
    const trusted = { contents: options.mainContents(), appUrl: options.appUrl }
    if (!isTrustedSender(event.sender, event.senderFrame, trusted)) {
      options.onRefused(`API port refused from ${event.senderFrame?.url ?? 'an unknown frame'}`)
      return
    }
    const [port] = event.ports
    if (!port) return options.onRefused('API request without a MessagePort')
    handler.upgrade(port, { context: { engine: options.engine } })
    port.start()
  }
  ipcMain.on(API_PORT_CHANNEL, listener)
  return () => ipcMain.off(API_PORT_CHANNEL, listener)
}
