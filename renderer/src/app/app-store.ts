import { create } from 'zustand'
import type { ApiClient, AppEvent, AppInfo, AppStatus } from '../../../shared/contract'
import type { EngineReach } from '../api/connect'

export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  /** The engine answers HTTP but the page's socket dropped: trying again. */
  | { kind: 'reconnecting'; reason: string }
  /** Nothing answers: the engine stopped (or the laptop slept). Trying again. */
  | { kind: 'stopped' }
  /** The engine answers, but not to this page's token: a link from before a restart. */
  | { kind: 'refused' }

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

/** While the engine is known to be gone, the socket link does not try (see socket-link.ts). */
export function engineAway(): boolean {
  const { kind } = useAppStore.getState().connection
  return kind === 'stopped' || kind === 'refused'
}

/**
 * Loads app.info and follows app.events for as long as the page lives. Before each attempt it
 * asks whether the engine is there at all: a refused token ends the page's session (the page
 * says how to get a fresh link); an engine that is away is asked again until it answers.
 */
export async function followEngine(
  api: ApiClient,
  reach: () => Promise<EngineReach>,
  signal: AbortSignal,
): Promise<void> {
  const store = useAppStore.getState()
  while (!signal.aborted) {
    const verdict = await reach()
    if (signal.aborted) return
    if (verdict === 'refused') return store.setConnection({ kind: 'refused' })
    if (verdict === 'unreachable') store.setConnection({ kind: 'stopped' })
    else {
      try {
        if (useAppStore.getState().connection.kind === 'stopped')
          store.setConnection({ kind: 'connecting' })
        store.setInfo(await api.app.info(undefined, { signal }))
        const events = await api.app.events(undefined, { signal })
        store.setConnection({ kind: 'connected' })
        for await (const event of events) store.applyEvent(event)
      } catch (error) {
        if (signal.aborted) return
        store.setConnection({ kind: 'reconnecting', reason: describe(error) })
      }
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS))
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
