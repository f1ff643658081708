import { create } from 'zustand'
import type { ApiClient, AppEvent, AppInfo, AppStatus } from '../../../shared/contract'

export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'reconnecting'; reason: string }
  | { kind: 'unavailable'; reason: string }

export interface Notice {
  at: string
  level: 'info' | 'warning' | 'error'
  message: string
}

interface AppState {
  connection: ConnectionState
  info: AppInfo | undefined
  status: AppStatus | undefined
  lastNotice: Notice | undefined
  applyEvent: (event: AppEvent) => void
  setConnection: (connection: ConnectionState) => void
  setInfo: (info: AppInfo) => void
}

export const useAppStore = create<AppState>()((set) => ({
  connection: { kind: 'connecting' },
  info: undefined,
  status: undefined,
  lastNotice: undefined,
  applyEvent: (event) =>
    set(
      event.type === 'status'
        ? { status: event.status }
        : { lastNotice: { at: event.at, level: event.level, message: event.message } },
    ),
  setConnection: (connection) => set({ connection }),
  setInfo: (info) => set({ info }),
}))

const RETRY_MS = 1500

/**
 * Loads app.info and follows app.events for as long as the page lives, reconnecting after a
 * dropped stream (the server restarted, the laptop slept).
 */
export async function followEngine(api: ApiClient, signal: AbortSignal): Promise<void> {
  const store = useAppStore.getState()
  while (!signal.aborted) {
    try {
      store.setInfo(await api.app.info(undefined, { signal }))
      const events = await api.app.events(undefined, { signal })
      store.setConnection({ kind: 'connected' })
      for await (const event of events) store.applyEvent(event)
    } catch (error) {
      if (signal.aborted) return
      store.setConnection({ kind: 'reconnecting', reason: describe(error) })
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS))
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
