import path from 'node:path'
import { Menu, Tray, nativeImage } from 'electron'
import type { Engine } from '../core/engine'
import { buildTrayMenu, trayTooltip, type TrayActions } from './tray-menu'

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
    const state = {
      version: engine.info().version,
      status: engine.status(),
      presets: engine.presets.list().map(({ id, name }) => ({ id, name })),
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
  return {
    destroy: () => {
      stop.abort()
      tray.destroy()
    },
  }
}
