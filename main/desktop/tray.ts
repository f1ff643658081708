import path from 'node:path'
import { Menu, Tray, nativeImage } from 'electron'
import type { Engine } from '../core/engine'
import { buildTrayMenu, trayTooltip, type TrayActions, type TrayState } from './tray-menu'
import { RECENT_CAPTURES } from './tray-receiver-menu'

/** macOS wants a monochrome "template" image so the menu bar can tint it; others get colour. */
export function trayIconFile(iconDir: string, platform: NodeJS.Platform): string {
  return path.join(iconDir, platform === 'darwin' ? 'trayTemplate.png' : 'tray.png')
}

export function createTray(
  engine: Engine,
  options: { iconDir: string; platform: NodeJS.Platform; actions: TrayActions },
): { destroy: () => void } {
  const image = nativeImage.createFromPath(trayIconFile(options.iconDir, options.platform))
  if (options.platform === 'darwin') image.setTemplateImage(true)
  const tray = new Tray(image)
  const refresh = () => {
    const state: TrayState = {
      version: engine.info().version,
      status: engine.status(),
      presets: engine.presets.list().map(({ id, name }) => ({ id, name })),
      receiver: {
        status: engine.inbox.status(),
        recent: engine.captures.list({ limit: RECENT_CAPTURES }).items.map((item) => item.summary),
      },
    }
    tray.setToolTip(trayTooltip(state))
    tray.setContextMenu(Menu.buildFromTemplate(buildTrayMenu(state, options.actions)))
  }
  refresh()
  tray.on('click', options.actions.open)

  const stop = new AbortController()
  void (async () => {
    for await (const event of engine.events.subscribe(stop.signal)) {
      if (event.type === 'status') refresh()
    }
  })()
  // Receiver status arrives at most every 250 ms under load, with the capture count: it also
  // brings Recent captures up to date without rebuilding the menu per capture.
  void (async () => {
    for await (const _status of engine.inbox.statusEvents.subscribe(stop.signal)) refresh()
  })()
  return {
    destroy: () => {
      stop.abort()
      tray.destroy()
    },
  }
}
