import { useEffect } from 'react'
import { useApi } from '../../api/api-context'
import { headerRecord, useCompose, type ComposeState } from './compose-store'
import { useLibrary } from './library-store'

/** Long enough to write once per burst of typing, short enough that a reload loses nothing. */
const DRAFT_PAUSE_MS = 400

let inFlight: Promise<unknown> = Promise.resolve()

/** Resolves once no draft is being written, so a save never races a draft that would outlive it. */
export function draftsSettled(): Promise<unknown> {
  return inFlight
}

const draftOf = (s: ComposeState) => ({
  templateId: s.templateId,
  name: s.templateName,
  body: s.body,
  headers: headerRecord(s.headers),
  target: s.target,
})

/**
 * Keeps the open template's unsaved edits in the data folder while the user types, so a
 * reload, a closed tab or a restart never loses them (restored when the template is opened).
 */
export function useDraftAutosave(): void {
  const api = useApi()
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const unsubscribe = useCompose.subscribe((state, previous) => {
      if (!state.dirty) return
      const changed =
        state.body !== previous.body ||
        state.headers !== previous.headers ||
        state.target !== previous.target ||
        state.templateName !== previous.templateName ||
        !previous.dirty
      if (!changed) return
      clearTimeout(timer)
      timer = setTimeout(() => {
        const current = useCompose.getState()
        if (!current.dirty) return
        inFlight = api.templates.saveDraft(draftOf(current)).then(
          (draft) => {
            useLibrary.getState().keepDraft(draft)
            if (useCompose.getState().templateId === draft.templateId)
              useCompose.getState().draftKept(draft.savedAt)
          },
          () => {
            // The status bar says when the engine is away; the next edit tries again.
          },
        )
      }, DRAFT_PAUSE_MS)
    })
    return () => {
      clearTimeout(timer)
      unsubscribe()
    }
  }, [api])
}
