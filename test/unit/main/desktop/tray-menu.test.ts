import { describe, expect, it } from 'vitest'
import { buildTrayMenu, trayTooltip, type TrayState } from '../../../../main/desktop/tray-menu'
import { trayActions } from '../../../helpers/tray-actions'

const state: TrayState = {
  version: '1.0.0',
  presets: [{ id: 'p1', name: 'Ada → Sandbox' }],
  receiver: {
    status: {
      receiver: { state: 'running', url: 'http://127.0.0.1:8787', port: 8787, error: null },
      tunnel: { state: 'stopped' },
      publicUrl: 'http://127.0.0.1:8787',
      captures: 0,
    },
    recent: [],
  },
  status: {
    activeProfile: { id: 'acme', name: 'Acme staging' },
    secretStorage: {
      backend: 'safe-storage',
      label: 'OS keychain',
      strength: 'strong',
      locked: false,
      needsDecision: false,
      detail: '',
    },
    services: [
      { id: 'receiver', label: 'Receiver', state: 'running', detail: '127.0.0.1:8787' },
      { id: 'tunnel', label: 'Tunnel', state: 'error', detail: 'auth failed' },
    ],
  },
}

describe('buildTrayMenu', () => {
  it('shows the active profile and each service from engine state', () => {
    const labels = buildTrayMenu(state, trayActions()).map((item) => item.label)
    expect(labels).toContain('Profile: Acme staging')
    expect(labels).toContain('● Receiver — 127.0.0.1:8787')
    expect(labels).toContain('⚠ Tunnel — auth failed')
  })

  it('offers Open and Quit wired to the actions', () => {
    const actions = trayActions()
    const menu = buildTrayMenu(state, actions)
    const open = menu.find((item) => item.label === 'Open Bridgebench')
    const quit = menu.find((item) => item.label === 'Quit Bridgebench')
    open?.click?.({} as never, undefined, {})
    expect(actions.open).toHaveBeenCalled()
    expect(quit?.click).toBe(actions.quit)
  })

  it('offers each preset under Fire preset, wired to fire it', () => {
    const actions = trayActions()
    const fire = buildTrayMenu(state, actions).find((item) => item.label === 'Fire preset')
    const items = fire?.submenu as Array<{ label: string; click: () => void }>
    expect(items.map((i) => i.label)).toEqual(['Ada → Sandbox'])
    items[0]?.click()
    expect(actions.firePreset).toHaveBeenCalledWith('p1')
  })

  it('explains where presets come from when there are none', () => {
    const actions = trayActions()
    const fire = buildTrayMenu({ ...state, presets: [] }, actions).find(
      (item) => item.label === 'Fire preset',
    )
    expect((fire?.submenu as Array<{ label: string; enabled: boolean }>)[0]).toMatchObject({
      enabled: false,
    })
  })

  it('leaves out the services section when nothing runs', () => {
    const menu = buildTrayMenu(
      { ...state, status: { ...state.status, services: [] } },
      trayActions(),
    )
    expect(menu.filter((item) => item.type === 'separator')).toHaveLength(3)
  })

  it("has the receiver's Start/Stop, Copy public URL and Recent captures", () => {
    const labels = buildTrayMenu(state, trayActions()).map((item) => item.label)
    expect(labels).toEqual(
      expect.arrayContaining([
        'Stop receiver',
        'Recent captures',
        expect.stringMatching(/^Copy public URL/),
      ]),
    )
  })
})

describe('trayTooltip', () => {
  it('names the profile and counts problems', () => {
    expect(trayTooltip(state)).toBe('Bridgebench — Acme staging (1 problem)')
  })
})
