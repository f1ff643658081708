import { errorText } from '../../api/error-text'
import { useCallback } from 'react'
import type { TemplateView } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { headerRecord, useCompose } from './compose-store'
import { useLibrary } from './library-store'
import { draftsSettled, flushDraft } from './use-draft-autosave'

const OPEN_KEY = 'bridgebench.compose.template'
const NEW_KEY = '(new)'

/** The template open in this tab, so a reload comes back to it (sessionStorage: per tab). */
function rememberOpen(id: string | null): void {
  window.sessionStorage.setItem(OPEN_KEY, id ?? NEW_KEY)
}

function lastOpen(): string | null | undefined {
  const stored = window.sessionStorage.getItem(OPEN_KEY)
  return stored === null ? undefined : stored === NEW_KEY ? null : stored
}

/** "Name (copy)", or "Name (copy 2)"… when that is taken too. */
export function copyName(name: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()))
  const base = `${name} (copy)`
  if (!lower.has(base.toLowerCase())) return base
  for (let n = 2; ; n++) {
    const candidate = `${name} (copy ${n})`
    if (!lower.has(candidate.toLowerCase())) return candidate
  }
}

/** Save, Save as, open and delete, shared by the template bar and the keyboard shortcut. */
export function useTemplateActions() {
  const api = useApi()

  const store = useCallback(
    async (id: string | undefined, name: string) => {
      await draftsSettled()
      const state = useCompose.getState()
      const { upsertTemplate, setNotice, dropDraft } = useLibrary.getState()
      try {
        const saved = await api.templates.save({
          ...(id ? { id } : {}),
          name,
          body: state.body,
          headers: headerRecord(state.headers),
          target: state.target,
        })
        upsertTemplate(saved)
        // The edits now live in the saved template: the draft they came from is done with,
        // also when they were saved as a copy of another template.
        dropDraft(saved.id)
        if (state.templateId !== saved.id) {
          await api.templates.discardDraft({ templateId: state.templateId })
          dropDraft(state.templateId)
        }
        state.markSaved(saved)
        setNotice({ tone: 'ok', text: `Saved “${saved.name}”.` })
        return saved
      } catch (error) {
        setNotice({ tone: 'error', text: errorText(error) })
        return undefined
      }
    },
    [api],
  )

  /** Overwrites the open template; the built-in seed (or a new one) is saved as a copy. */
  const save = useCallback(async () => {
    const { templateId, templateName, builtIn } = useCompose.getState()
    if (templateId !== null && !builtIn) return store(templateId, templateName)
    const taken = useLibrary.getState().templates.map((t) => t.name)
    const name = taken.some((t) => t.toLowerCase() === templateName.trim().toLowerCase())
      ? copyName(templateName.trim(), taken)
      : templateName
    return store(undefined, name)
  }, [store])

  const saveAs = useCallback((name: string) => store(undefined, name), [store])

  /** Opens a template with its kept draft, if there is one; remembers it for a reload. */
  const open = useCallback(
    async (id: string) => {
      await flushDraft()
      try {
        const template: TemplateView = await api.templates.get({ id })
        const draft = useLibrary.getState().drafts.find((d) => d.templateId === id)
        useCompose.getState().openTemplate(template, draft)
        rememberOpen(id)
        useLibrary.getState().setNotice(null)
      } catch (error) {
        useLibrary.getState().setNotice({ tone: 'error', text: errorText(error) })
      }
    },
    [api],
  )

  /** A new template, or the unsaved new one kept as a draft. */
  const create = useCallback(() => {
    const draft = useLibrary.getState().drafts.find((d) => d.templateId === null)
    useCompose.getState().newTemplate(draft)
    rememberOpen(null)
  }, [])

  /** Drops the open template's unsaved edits (its draft included) and shows it as saved. */
  const discardChanges = useCallback(async () => {
    await draftsSettled()
    const { templateId } = useCompose.getState()
    try {
      await api.templates.discardDraft({ templateId })
      useLibrary.getState().dropDraft(templateId)
      if (templateId === null) useCompose.getState().newTemplate()
      else useCompose.getState().openTemplate(await api.templates.get({ id: templateId }))
      useLibrary.getState().setNotice({ tone: 'ok', text: 'Unsaved changes discarded.' })
    } catch (error) {
      useLibrary.getState().setNotice({ tone: 'error', text: errorText(error) })
    }
  }, [api])

  /** First visit: the template open before a reload, else the newest draft's, else the first. */
  const openFirst = useCallback(async () => {
    const { templates, drafts } = useLibrary.getState()
    const remembered = lastOpen()
    const known = (id: string | null | undefined) =>
      id === null || templates.some((t) => t.id === id)
    const pick =
      remembered !== undefined && known(remembered)
        ? remembered
        : drafts.find((d) => known(d.templateId))?.templateId
    if (pick === null) return create()
    const id = pick ?? templates[0]?.id
    if (id) await open(id)
  }, [create, open])

  const remove = useCallback(
    async (id: string) => {
      const { dropTemplate, setNotice, templates } = useLibrary.getState()
      try {
        await api.templates.remove({ id })
        dropTemplate(id)
        useLibrary.getState().dropDraft(id)
        const first = templates.find((t) => t.id !== id)
        if (first) useCompose.getState().openTemplate(first)
        setNotice({ tone: 'ok', text: 'Template deleted.' })
      } catch (error) {
        setNotice({ tone: 'error', text: errorText(error) })
      }
    },
    [api],
  )

  return { save, saveAs, open, create, discardChanges, openFirst, remove }
}
