import { errorText } from '../../api/error-text'
import { create } from 'zustand'
import type { ApiClient, ConnectionReport, ProfileView } from '../../../../shared/contract'

interface ConnectionsState {
  profiles: ProfileView[]
  activeProfileId: string
  selectedId: string | undefined
  /** A profile id, or 'new' while the add form is open. */
  editing: string | undefined
  reports: Record<string, ConnectionReport | undefined>
  testing: Record<string, boolean>
  error: string | undefined
  load: (api: ApiClient) => Promise<void>
  select: (id: string | undefined) => void
  edit: (id: string | undefined) => void
  upsert: (profile: ProfileView) => void
  setError: (error: string | undefined) => void
  test: (api: ApiClient, id: string) => Promise<void>
}

export const useConnections = create<ConnectionsState>()((set, get) => ({
  profiles: [],
  activeProfileId: 'sandbox',
  selectedId: undefined,
  editing: undefined,
  reports: {},
  testing: {},
  error: undefined,
  load: async (api) => {
    const { profiles, activeProfileId } = await api.profiles.list()
    set({ profiles, activeProfileId, selectedId: get().selectedId ?? activeProfileId })
  },
  select: (id) => set({ selectedId: id, editing: undefined, error: undefined }),
  edit: (id) => set({ editing: id, error: undefined }),
  upsert: (profile) =>
    set((state) => ({
      profiles: state.profiles.some((p) => p.id === profile.id)
        ? state.profiles.map((p) => (p.id === profile.id ? profile : p))
        : [...state.profiles, profile],
    })),
  setError: (error) => set({ error }),
  test: async (api, id) => {
    set((state) => ({ testing: { ...state.testing, [id]: true } }))
    try {
      const report = await api.profiles.test({ id })
      set((state) => ({ reports: { ...state.reports, [id]: report } }))
    } catch (error) {
      set({ error: errorText(error) })
    } finally {
      set((state) => ({ testing: { ...state.testing, [id]: false } }))
    }
  },
}))
