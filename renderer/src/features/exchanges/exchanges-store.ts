import { create } from 'zustand'
import type { ApiClient, ExchangeKind, ExchangeSummaryView } from '../../../../shared/contract'

export type KindFilter = ExchangeKind | 'all'

interface ExchangesState {
  items: ExchangeSummaryView[]
  nextCursor: string | null
  kind: KindFilter
  openId: string | null
  loaded: boolean
  setKind: (kind: KindFilter) => void
  open: (id: string | null) => void
  /** Reads the newest page for the current filter (the index only: no file is read). */
  load: (api: ApiClient) => Promise<void>
  /** Appends the next page. */
  more: (api: ApiClient) => Promise<void>
}

const PAGE = 100

export const useExchanges = create<ExchangesState>((set, get) => ({
  items: [],
  nextCursor: null,
  kind: 'all',
  openId: null,
  loaded: false,
  setKind: (kind) => set({ kind }),
  open: (openId) => set({ openId }),
  load: async (api) => {
    const { kind } = get()
    const page = await api.exchanges.list({ limit: PAGE, kind: kind === 'all' ? undefined : kind })
    if (get().kind !== kind) return
    set({ items: page.items, nextCursor: page.nextCursor, loaded: true })
  },
  more: async (api) => {
    const { kind, nextCursor } = get()
    if (!nextCursor) return
    const page = await api.exchanges.list({
      limit: PAGE,
      kind: kind === 'all' ? undefined : kind,
      before: nextCursor,
    })
    set((s) => ({ items: [...s.items, ...page.items], nextCursor: page.nextCursor }))
  },
}))

/** Moves the open exchange up or down the list (arrow keys), keeping it in view. */
export function stepOpen(delta: 1 | -1): void {
  const { items, openId, open } = useExchanges.getState()
  if (items.length === 0) return
  const index = items.findIndex((i) => i.id === openId)
  const next = index < 0 ? 0 : Math.min(items.length - 1, Math.max(0, index + delta))
  open(items[next]?.id ?? null)
}
