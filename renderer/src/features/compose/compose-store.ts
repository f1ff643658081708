import { create } from 'zustand'
import type {
  ComposeBatchOutput,
  ComposeRenderOutput,
  LintTargetId,
  SampleUserEntry,
  SendAuthorization,
  TemplateDraft,
  TemplateView,
} from '../../../../shared/contract'

/** One row of the headers editor; `key` keeps React's list stable while names are edited. */
export interface HeaderRow {
  key: string
  name: string
  value: string
}

/**
 * What the Compose screen is working on. Other panels (Send test ticket) read it with
 * `useCompose(selector)` or `useCompose.getState()`; `composeRequest()` gives the request shape.
 */
export interface ComposeState {
  /** The saved template being edited; null for a new, never-saved one. */
  templateId: string | null
  templateName: string
  /** The open template is the read-only seed: saving makes a copy. */
  builtIn: boolean
  body: string
  headers: HeaderRow[]
  target: LintTargetId | null
  /** Edited since it was opened or saved. */
  dirty: boolean
  /**
   * The unsaved edits kept in the data folder for this template: when they were last written,
   * and whether they were restored on opening (a reload, a restart). Null when there are none.
   */
  draft: { savedAt: string | null; restored: boolean } | null
  userId: string | null
  userLabel: string | null
  /** The last render (headers masked); null until the first one arrives. */
  result: ComposeRenderOutput | null
  rendering: boolean
  renderError: string | null
  /** Bumped by Ctrl/⌘+Enter: render now, without waiting for typing to pause. */
  renderRequest: number
  /** Connected Content URL → pasted response text (JSON or plain text). */
  canned: Record<string, string>
  /** "Tag it bridgebench_test": the preview shows the tagged body, exactly as it is sent. */
  addTestTag: boolean
  /** Whose Authorization a send carries; null follows the engine's suggestion for the template. */
  authorization: SendAuthorization | null
  editorTab: 'body' | 'headers'
  outputTab: 'preview' | 'response'
  /** The custom-user editor, open on a user (null: a new one); undefined when closed. */
  customUser: { entry: SampleUserEntry | null } | undefined
  batch: ComposeBatchOutput | null

  openTemplate: (template: TemplateView, draft?: TemplateDraft) => void
  draftKept: (savedAt: string) => void
  /** A new, never-saved template: blank, or the unsaved new one kept as a draft. */
  newTemplate: (draft?: TemplateDraft) => void
  markSaved: (template: TemplateView) => void
  setTemplateName: (name: string) => void
  setBody: (body: string) => void
  setHeaders: (headers: HeaderRow[]) => void
  setTarget: (target: LintTargetId | null) => void
  selectUser: (id: string | null, label: string | null) => void
  setCanned: (url: string, text: string) => void
  setAddTestTag: (addTestTag: boolean) => void
  setAuthorization: (authorization: SendAuthorization | null) => void
  setEditorTab: (tab: ComposeState['editorTab']) => void
  setOutputTab: (tab: ComposeState['outputTab']) => void
  editUser: (customUser: ComposeState['customUser']) => void
  requestRender: () => void
  renderStarted: () => void
  renderFinished: (result: ComposeRenderOutput) => void
  renderFailed: (message: string) => void
  setBatch: (batch: ComposeBatchOutput | null) => void
}

let rowCounter = 0
export function headerRow(name = '', value = ''): HeaderRow {
  rowCounter += 1
  return { key: `h${rowCounter}`, name, value }
}

function rowsFrom(headers: Record<string, string>): HeaderRow[] {
  return Object.entries(headers).map(([name, value]) => headerRow(name, value))
}

export const NEW_TEMPLATE_HEADERS = { 'Content-Type': 'application/json' }

export const useCompose = create<ComposeState>()((set) => ({
  templateId: null,
  templateName: '',
  builtIn: false,
  body: '',
  headers: [],
  target: 'zendesk-ticket',
  dirty: false,
  draft: null,
  userId: null,
  userLabel: null,
  result: null,
  rendering: false,
  renderError: null,
  renderRequest: 0,
  canned: {},
  addTestTag: false,
  authorization: null,
  editorTab: 'body',
  outputTab: 'preview',
  customUser: undefined,
  batch: null,

  openTemplate: (template, draft) =>
    set({
      templateId: template.id,
      templateName: draft?.name ?? template.name,
      builtIn: template.builtIn,
      body: draft?.body ?? template.body,
      headers: rowsFrom(draft?.headers ?? template.headers),
      target: draft ? draft.target : template.target,
      dirty: draft !== undefined,
      draft: draft ? { savedAt: draft.savedAt, restored: true } : null,
      authorization: null,
      batch: null,
    }),
  draftKept: (savedAt) =>
    set((state) => ({ draft: { savedAt, restored: state.draft?.restored ?? false } })),
  newTemplate: (draft) =>
    set({
      templateId: null,
      templateName: draft?.name ?? 'Untitled template',
      builtIn: false,
      body: draft?.body ?? '',
      headers: rowsFrom(draft?.headers ?? NEW_TEMPLATE_HEADERS),
      target: draft ? draft.target : 'zendesk-ticket',
      dirty: draft !== undefined,
      draft: draft ? { savedAt: draft.savedAt, restored: true } : null,
      authorization: null,
      batch: null,
    }),
  markSaved: (template) =>
    set({
      templateId: template.id,
      templateName: template.name,
      builtIn: template.builtIn,
      dirty: false,
      draft: null,
    }),
  setTemplateName: (templateName) => set({ templateName, dirty: true }),
  setBody: (body) => set((state) => (state.body === body ? {} : { body, dirty: true })),
  setHeaders: (headers) => set({ headers, dirty: true }),
  setTarget: (target) => set({ target, dirty: true }),
  selectUser: (userId, userLabel) => set({ userId, userLabel }),
  setCanned: (url, text) => set((state) => ({ canned: { ...state.canned, [url]: text } })),
  setAddTestTag: (addTestTag) => set({ addTestTag }),
  setAuthorization: (authorization) => set({ authorization }),
  setEditorTab: (editorTab) => set({ editorTab }),
  setOutputTab: (outputTab) => set({ outputTab }),
  editUser: (customUser) => set({ customUser }),
  requestRender: () => set((state) => ({ renderRequest: state.renderRequest + 1 })),
  renderStarted: () => set({ rendering: true }),
  renderFinished: (result) => set({ result, rendering: false, renderError: null }),
  renderFailed: (renderError) => set({ rendering: false, renderError }),
  setBatch: (batch) => set({ batch }),
}))

/** Header rows as the API takes them: named rows only, the last of a repeated name wins. */
export function headerRecord(rows: readonly HeaderRow[]): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const row of rows) {
    const name = row.name.trim()
    if (name) headers[name] = row.value
  }
  return headers
}

/** The current template, headers, target and user, as compose.render takes them. */
export function composeRequest(state: ComposeState = useCompose.getState()) {
  return {
    template: state.body,
    headers: headerRecord(state.headers),
    target: state.target,
    userId: state.userId,
  }
}
