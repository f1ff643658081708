import { describe, expect, it } from 'vitest'
import { hardenedWindowOptions } from '../../../../main/desktop/window-options'

describe('hardenedWindowOptions', () => {
  const prefs = hardenedWindowOptions('/app/out/preload/index.cjs', false).webPreferences ?? {}

  it('isolates and sandboxes the renderer with no Node integration', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    })
  })

  it('keeps web security on and turns off what the app never needs', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    })
  })

  it('loads only the bundled preload', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs')
  })

  it('starts hidden (shown when ready) with a background matching the OS theme', () => {
    expect(hardenedWindowOptions('p', true)).toMatchObject({
      show: false,
      backgroundColor: '#16181d',
    })
  })
})
