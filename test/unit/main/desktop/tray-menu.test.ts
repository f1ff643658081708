import { describe, expect, it, vi } from 'vitest'
import { buildTrayMenu, trayTooltip, type TrayState } from '../../../../main/desktop/tray-menu'

const state: TrayState = {
  version: '1.0.0',
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
    const labels = buildTrayMenu(state, { open: vi.fn(), quit: vi.fn() }).map((item) => item.label)
    expect(labels).toContain('Profile: Acme staging')
    expect(labels).toContain('● Receiver — 127.0.0.1:8787')
    expect(labels).toContain('⚠ Tunnel — auth failed')
  })

  it('offers Open and Quit wired to the actions', () => {
    const actions = { open: vi.fn(), quit: vi.fn() }
    const menu = buildTrayMenu(state, actions)
    const open = menu.find((item) => item.label === 'Open Bridgebench')
    const quit = menu.find((item) => item.label === 'Quit Bridgebench')
    open?.click?.({} as never, undefined, {})
    expect(actions.open).toHaveBeenCalled()
    expect(quit?.click).toBe(actions.quit)
  })

  it('leaves out the services section when nothing runs', () => {
    const menu = buildTrayMenu(
      { ...state, status: { ...state.status, services: [] } },
      { open: vi.fn(), quit: vi.fn() },
    )
    expect(menu.filter((item) => item.type === 'separator')).toHaveLength(2)
  })
})

describe('trayTooltip', () => {
  it('names the profile and counts problems', () => {
    expect(trayTooltip(state)).toBe('Bridgebench — Acme staging (1 problem)')
  })
})
