import type { MenuItemConstructorOptions } from 'electron'
import type { CaptureSummary, ReceiverStatus } from '../../shared/contract'

/** How many captures the tray's Recent captures ▸ lists. */
export const RECENT_CAPTURES = 8

export interface TrayReceiverState {
  status: ReceiverStatus
  /** Newest first, at most RECENT_CAPTURES. */
  recent: CaptureSummary[]
}

export interface TrayReceiverActions {
  startReceiver: () => void
  stopReceiver: () => void
  copyPublicUrl: (url: string) => void
  /** Shows the window on the Inbox with this capture open. */
  openCapture: (id: string) => void
}

/** `12:03:04 POST /hooks/braze — valid`: enough to tell recent captures apart. */
export function recentCaptureLabel(summary: CaptureSummary): string {
  const time = new Date(summary.receivedAt).toLocaleTimeString([], { hour12: false })
  const parse = summary.parseOk ? '' : ', parse error'
  return `${time} ${summary.method} ${summary.path} — ${summary.verdict}${parse}`
}

/**
 * The receiver's part of the tray menu, as data: Start/Stop, Copy public URL and
 * Recent captures ▸ (each opens in the Inbox).
 */
export function buildReceiverMenu(
  state: TrayReceiverState,
  actions: TrayReceiverActions,
): MenuItemConstructorOptions[] {
  const { status } = state
  const running = status.receiver.state === 'running' || status.receiver.state === 'starting'
  const publicUrl = status.tunnel.state === 'online' ? status.tunnel.publicUrl : null
  // The receiver's and tunnel's state are on the service lines above these items.
  return [
    running
      ? { label: 'Stop receiver', click: actions.stopReceiver }
      : { label: 'Start receiver', click: actions.startReceiver },
    {
      label: publicUrl ? 'Copy public URL' : 'Copy public URL (no tunnel online)',
      enabled: publicUrl !== null,
      click: () => {
        if (publicUrl) actions.copyPublicUrl(publicUrl)
      },
    },
    {
      label: 'Recent captures',
      submenu:
        state.recent.length > 0
          ? state.recent.map((summary) => ({
              label: recentCaptureLabel(summary),
              click: () => actions.openCapture(summary.id),
            }))
          : [{ label: 'Nothing captured yet', enabled: false }],
    },
  ]
}
