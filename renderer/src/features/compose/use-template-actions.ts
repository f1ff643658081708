import { errorText } from '../../api/error-text'
import { useCallback } from 'react'
import type { TemplateView } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { headerRecord, useCompose } from './compose-store'
import { useLibrary } from './library-store'

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
      const state = useCompose.getState()
      const { upsertTemplate, setNotice } = useLibrary.getState()
      try {
        const saved = await api.templates.save({
          ...(id ? { id } : {}),
          name,
          body: state.body,
          headers: headerRecord(state.headers),
          target: state.target,
        })
        upsertTemplate(saved)
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

  const open = useCallback(
    async (id: string) => {
      try {
        const template: TemplateView = await api.templates.get({ id })
        useCompose.getState().openTemplate(template)
        useLibrary.getState().setNotice(null)
      } catch (error) {
        useLibrary.getState().setNotice({ tone: 'error', text: errorText(error) })
      }
    },
    [api],
  )

  const remove = useCallback(
    async (id: string) => {
      const { dropTemplate, setNotice, templates } = useLibrary.getState()
      try {
        await api.templates.remove({ id })
        dropTemplate(id)
        const first = templates.find((t) => t.id !== id)
        if (first) useCompose.getState().openTemplate(first)
        setNotice({ tone: 'ok', text: 'Template deleted.' })
      } catch (error) {
        setNotice({ tone: 'error', text: errorText(error) })
      }
    },
    [api],
  )

  return { save, saveAs, open, remove }
}
