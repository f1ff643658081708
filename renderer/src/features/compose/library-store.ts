import { create } from 'zustand'
import type {
  ApiClient,
  LintTarget,
  SampleUserEntry,
  TemplateDraft,
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
  /** Unsaved edits kept per template, newest first (templates.drafts). */
  drafts: TemplateDraft[]
  loaded: boolean
  /** The outcome of the last save, delete or import, for the template bar. */
  notice: Notice | null
  setNotice: (notice: Notice | null) => void
  load: (api: ApiClient) => Promise<void>
  reloadUsers: (api: ApiClient) => Promise<void>
  upsertTemplate: (template: TemplateView) => void
  keepDraft: (draft: TemplateDraft) => void
  dropDraft: (templateId: string | null) => void
  dropTemplate: (id: string) => void
}

export const useLibrary = create<LibraryState>()((set) => ({
  templates: [],
  users: [],
  targets: [],
  drafts: [],
  loaded: false,
  notice: null,
  setNotice: (notice) => set({ notice }),
  load: async (api) => {
    const [templates, users, targets, drafts] = await Promise.all([
      api.templates.list(),
      api.users.list(),
      api.compose.targets(),
      api.templates.drafts(),
    ])
    set({ templates, users, targets, drafts, loaded: true })
  },
  reloadUsers: async (api) => set({ users: await api.users.list() }),
  upsertTemplate: (template) =>
    set((state) => ({
      templates: state.templates.some((t) => t.id === template.id)
        ? state.templates.map((t) => (t.id === template.id ? template : t))
        : [...state.templates, template],
    })),
  keepDraft: (draft) =>
    set((state) => ({
      drafts: [draft, ...state.drafts.filter((d) => d.templateId !== draft.templateId)],
    })),
  dropDraft: (templateId) =>
    set((state) => ({ drafts: state.drafts.filter((d) => d.templateId !== templateId) })),
  dropTemplate: (id) => set((state) => ({ templates: state.templates.filter((t) => t.id !== id) })),
}))
