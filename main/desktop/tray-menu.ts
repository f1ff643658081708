import type { MenuItemConstructorOptions } from 'electron'
import type { AppStatus, ServiceStatus } from '../../shared/contract'

export interface TrayState {
  version: string
  status: AppStatus
}

export interface TrayActions {
  open: () => void
  quit: () => void
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
    { label: 'Open Bridgebench', click: actions.open },
    { type: 'separator' },
    { label: 'Quit Bridgebench', click: actions.quit },
  ]
}

export function trayTooltip(state: TrayState): string {
  const problems = state.status.services.filter((s) => s.state === 'error').length
  return `Bridgebench — ${state.status.activeProfile.name}${problems ? ` (${problems} problem${problems > 1 ? 's' : ''})` : ''}`
}
