import { create } from 'zustand'
import type {
  ApiClient,
  CaptureEvent,
  CaptureSummary,
  ReceiverSettingsView,
  ReceiverStatus,
} from '../../../../shared/contract'
import { errorText } from '../../api/error-text'
import { matchesFilters, NO_FILTERS, toQuery, type CaptureFilters } from './capture-filters'

/** The first page is small so the list paints at once; later pages are fetched while scrolling. */
const FIRST_PAGE = 200
const NEXT_PAGE = 500
/** Rows kept in the page; past this, the oldest are dropped and paged in again on demand. */
const MAX_LOADED = 50_000
/** A live capture is checked against this many of the newest rows for a duplicate. */
const DUPLICATE_WINDOW = 500

export interface InboxState {
  status: ReceiverStatus | undefined
  settings: ReceiverSettingsView | undefined
  filters: CaptureFilters
  /** Newest first: the loaded part of the filtered list. */
  items: CaptureSummary[]
  nextCursor: string | null
  /** Captures stored in all, before filters. */
  total: number
  loading: boolean
  loadError: string | null
  /** Live captures that may match the search (by their body) but were not added: refresh shows them. */
  unseen: number
  /** The keyboard cursor in the list. */
  activeId: string | null
  /** The capture whose detail is open. */
  openId: string | null
  /** Bumped when a new attempt of the open capture's invocation arrives, to refetch its detail. */
  detailRevision: number
  openInvocationId: string | null
  checked: ReadonlySet<string>
  /** Drops pages that arrive after the filters changed again. */
  generation: number

  setStatus: (status: ReceiverStatus) => void
  setSettings: (settings: ReceiverSettingsView) => void
  setFilters: (patch: Partial<CaptureFilters>) => void
  reload: (api: ApiClient) => Promise<void>
  loadMore: (api: ApiClient) => Promise<void>
  applyEvents: (events: CaptureEvent[]) => void
  setActive: (id: string | null) => void
  open: (id: string | null) => void
  setOpenInvocation: (invocationId: string | null) => void
  toggleChecked: (id: string) => void
  setChecked: (ids: Iterable<string>) => void
}

export const useInbox = create<InboxState>()((set, get) => ({
  status: undefined,
  settings: undefined,
  filters: NO_FILTERS,
  items: [],
  nextCursor: null,
  total: 0,
  loading: false,
  loadError: null,
  unseen: 0,
  activeId: null,
  openId: null,
  detailRevision: 0,
  openInvocationId: null,
  checked: new Set(),
  generation: 0,

  setStatus: (status) => set({ status }),
  setSettings: (settings) => set({ settings }),
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),

  reload: async (api) => {
    const generation = get().generation + 1
    set({ generation, loading: true, loadError: null })
    try {
      const page = await api.captures.list({
        ...toQuery(get().filters, new Date()),
        limit: FIRST_PAGE,
      })
      if (get().generation !== generation) return
      set({
        items: page.items,
        nextCursor: page.nextCursor,
        total: page.total,
        loading: false,
        unseen: 0,
      })
    } catch (error) {
      if (get().generation === generation) set({ loading: false, loadError: errorText(error) })
    }
  },

  loadMore: async (api) => {
    const { nextCursor, loading, generation, filters } = get()
    if (!nextCursor || loading) return
    set({ loading: true })
    try {
      const page = await api.captures.list({
        ...toQuery(filters, new Date()),
        before: nextCursor,
        limit: NEXT_PAGE,
      })
      if (get().generation !== generation) return
      set((s) => ({
        items: s.items.concat(page.items),
        nextCursor: page.nextCursor,
        total: page.total,
        loading: false,
      }))
    } catch (error) {
      if (get().generation === generation) set({ loading: false, loadError: errorText(error) })
    }
  },

  applyEvents: (events) =>
    set((s) => {
      const now = new Date()
      const recent = new Set(s.items.slice(0, DUPLICATE_WINDOW).map((item) => item.id))
      const added: CaptureSummary[] = []
      let unseen = s.unseen
      let total = s.total
      let detailRevision = s.detailRevision
      let removed: Set<string> | undefined
      let updated: Map<string, CaptureSummary> | undefined
      for (const event of events) {
        if (event.type === 'updated') {
          // A capture already listed changed (its forward finished): replace it in place.
          updated ??= new Map()
          updated.set(event.summary.id, event.summary)
          if (s.openId === event.summary.id) detailRevision += 1
          continue
        }
        if (event.type === 'deleted') {
          removed ??= new Set()
          for (const id of event.ids) removed.add(id)
          total = Math.max(0, total - event.ids.length)
          continue
        }
        const summary = event.summary
        if (recent.has(summary.id)) continue
        total += 1
        if (s.openInvocationId && summary.invocationId === s.openInvocationId) detailRevision += 1
        const match = matchesFilters(summary, s.filters, now)
        if (match === true) added.push(summary)
        else if (match === 'unknown') unseen += 1
      }
      let items = s.items
      if (updated) {
        const changed = updated
        items = items.map((item) => changed.get(item.id) ?? item)
      }
      if (removed) {
        const gone = removed
        items = items.filter((item) => !gone.has(item.id))
      }
      if (added.length > 0) items = added.reverse().concat(items)
      let nextCursor = s.nextCursor
      if (items.length > MAX_LOADED) {
        items = items.slice(0, MAX_LOADED)
        nextCursor = items[items.length - 1]?.id ?? null
      }
      const checked = removed ? without(s.checked, removed) : s.checked
      const openId = removed && s.openId && removed.has(s.openId) ? null : s.openId
      return { items, nextCursor, total, unseen, detailRevision, checked, openId }
    }),

  setActive: (activeId) => set({ activeId }),
  open: (openId) =>
    set((s) => ({ openId, activeId: openId ?? s.activeId, openInvocationId: null })),
  setOpenInvocation: (openInvocationId) => set({ openInvocationId }),
  toggleChecked: (id) =>
    set((s) => {
      const checked = new Set(s.checked)
      if (!checked.delete(id)) checked.add(id)
      return { checked }
    }),
  setChecked: (ids) => set({ checked: new Set(ids) }),
}))

function without(set: ReadonlySet<string>, removed: ReadonlySet<string>): ReadonlySet<string> {
  if (![...removed].some((id) => set.has(id))) return set
  return new Set([...set].filter((id) => !removed.has(id)))
}

/** Every id the filters match, paged from the index (for "delete all matching", "save to set"). */
export async function idsMatching(api: ApiClient, filters: CaptureFilters): Promise<string[]> {
  const query = toQuery(filters, new Date())
  const ids: string[] = []
  let before: string | undefined
  for (;;) {
    const page = await api.captures.list({ ...query, limit: 500, ...(before ? { before } : {}) })
    ids.push(...page.items.map((item) => item.id))
    if (!page.nextCursor) return ids
    before = page.nextCursor
  }
}

/** Deletes captures in chunks the API accepts; the list follows from the `deleted` events. */
export async function removeCaptures(api: ApiClient, ids: string[]): Promise<number> {
  let removed = 0
  for (let i = 0; i < ids.length; i += 10_000) {
    removed += (await api.captures.remove({ ids: ids.slice(i, i + 10_000) })).removed
  }
  return removed
}
