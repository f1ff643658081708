import { create } from 'zustand'
import type {
  ApiClient,
  LintTarget,
  SampleUserEntry,
  TemplateView,
} from '../../../../shared/contract'

export interface Notice {
  tone: 'ok' | 'error'
  text: string
}

/** The saved templates and sample users the Compose screen picks from. */
interface LibraryState {
  templates: TemplateView[]
  users: SampleUserEntry[]
  targets: LintTarget[]
  loaded: boolean
  /** The outcome of the last save, delete or import, for the template bar. */
  notice: Notice | null
  setNotice: (notice: Notice | null) => void
  load: (api: ApiClient) => Promise<void>
  reloadUsers: (api: ApiClient) => Promise<void>
  upsertTemplate: (template: TemplateView) => void
  dropTemplate: (id: string) => void
}

export const useLibrary = create<LibraryState>()((set) => ({
  templates: [],
  users: [],
  targets: [],
  loaded: false,
  notice: null,
  setNotice: (notice) => set({ notice }),
  load: async (api) => {
    const [templates, users, targets] = await Promise.all([
      api.templates.list(),
      api.users.list(),
      api.compose.targets(),
    ])
    set({ templates, users, targets, loaded: true })
  },
  reloadUsers: async (api) => set({ users: await api.users.list() }),
  upsertTemplate: (template) =>
    set((state) => ({
      templates: state.templates.some((t) => t.id === template.id)
        ? state.templates.map((t) => (t.id === template.id ? template : t))
        : [...state.templates, template],
    })),
  dropTemplate: (id) => set((state) => ({ templates: state.templates.filter((t) => t.id !== id) })),
}))
