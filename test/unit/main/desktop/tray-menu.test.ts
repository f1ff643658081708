import { describe, expect, it, vi } from 'vitest'
import { buildTrayMenu, trayTooltip, type TrayState } from '../../../../main/desktop/tray-menu'

const state: TrayState = {
  version: '1.0.0',
  presets: [{ id: 'p1', name: 'Ada → Sandbox' }],
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
    const labels = buildTrayMenu(state, { open: vi.fn(), quit: vi.fn(), firePreset: vi.fn() }).map(
      (item) => item.label,
    )
    expect(labels).toContain('Profile: Acme staging')
    expect(labels).toContain('● Receiver — 127.0.0.1:8787')
    expect(labels).toContain('⚠ Tunnel — auth failed')
  })

  it('offers Open and Quit wired to the actions', () => {
    const actions = { open: vi.fn(), quit: vi.fn(), firePreset: vi.fn() }
    const menu = buildTrayMenu(state, actions)
    const open = menu.find((item) => item.label === 'Open Bridgebench')
    const quit = menu.find((item) => item.label === 'Quit Bridgebench')
    open?.click?.({} as never, undefined, {})
    expect(actions.open).toHaveBeenCalled()
    expect(quit?.click).toBe(actions.quit)
  })

  it('offers each preset under Fire preset, wired to fire it', () => {
    const actions = { open: vi.fn(), quit: vi.fn(), firePreset: vi.fn() }
    const fire = buildTrayMenu(state, actions).find((item) => item.label === 'Fire preset')
    const items = fire?.submenu as Array<{ label: string; click: () => void }>
    expect(items.map((i) => i.label)).toEqual(['Ada → Sandbox'])
    items[0]?.click()
    expect(actions.firePreset).toHaveBeenCalledWith('p1')
  })

  it('explains where presets come from when there are none', () => {
    const actions = { open: vi.fn(), quit: vi.fn(), firePreset: vi.fn() }
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
      { open: vi.fn(), quit: vi.fn(), firePreset: vi.fn() },
    )
    expect(menu.filter((item) => item.type === 'separator')).toHaveLength(2)
  })
})

describe('trayTooltip', () => {
  it('names the profile and counts problems', () => {
    expect(trayTooltip(state)).toBe('Bridgebench — Acme staging (1 problem)')
  })
})
