import type { MenuItemConstructorOptions } from 'electron'
import type { AppStatus, ServiceStatus } from '../../shared/contract'
import {
  buildReceiverMenu,
  type TrayReceiverActions,
  type TrayReceiverState,
} from './tray-receiver-menu'

export interface TrayState {
  version: string
  status: AppStatus
  presets: Array<{ id: string; name: string }>
  receiver: TrayReceiverState
}

export interface TrayActions extends TrayReceiverActions {
  open: () => void
  quit: () => void
  firePreset: (id: string) => void
}

const STATE_MARK: Record<ServiceStatus['state'], string> = {
  running: '●',
  starting: '◌',
  stopped: '○',
  error: '⚠',
}

/** The tray menu as data, rebuilt from engine state on every status change. */
export function buildTrayMenu(
  state: TrayState,
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  const services: MenuItemConstructorOptions[] = state.status.services.map((service) => ({
    label: `${STATE_MARK[service.state]} ${service.label}${service.detail ? ` — ${service.detail}` : ''}`,
    enabled: false,
  }))
  return [
    { label: `Bridgebench ${state.version}`, enabled: false },
    { label: `Profile: ${state.status.activeProfile.name}`, enabled: false },
    ...(services.length > 0 ? [{ type: 'separator' as const }, ...services] : []),
    { type: 'separator' },
    ...buildReceiverMenu(state.receiver, actions),
    { type: 'separator' },
    { label: 'Open Bridgebench', click: actions.open },
    {
      label: 'Fire preset',
      submenu:
        state.presets.length > 0
          ? state.presets.map((preset) => ({
              label: preset.name,
              click: () => actions.firePreset(preset.id),
            }))
          : [{ label: 'No presets yet: save one on the Compose screen', enabled: false }],
    },
    { type: 'separator' },
    { label: 'Quit Bridgebench', click: actions.quit },
  ]
}

export function trayTooltip(state: TrayState): string {
  const problems = state.status.services.filter((s) => s.state === 'error').length
  return `Bridgebench — ${state.status.activeProfile.name}${problems ? ` (${problems} problem${problems > 1 ? 's' : ''})` : ''}`
}
