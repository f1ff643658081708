import path from 'node:path'
import { app } from 'electron'
import { startDesktopApp } from './desktop-app'

// Built layout: out/main/desktop.js beside out/preload and out/renderer; icons ship in resources/.
const outDir = path.resolve(import.meta.dirname, '..')
const iconDir = app.isPackaged
  ? path.join(process.resourcesPath, 'icons')
  : path.resolve(outDir, '..', 'resources', 'icons')

startDesktopApp({ outDir, iconDir }).catch((error: unknown) => {
  console.error('[bridgebench] could not start:', error)
  process.exit(1)
})
