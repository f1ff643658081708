import { useEffect } from 'react'
import { useApi } from '../../api/api-context'
import { headerRecord, useCompose, type ComposeState } from './compose-store'
import { useLibrary } from './library-store'

/** Long enough to write once per burst of typing, short enough that a reload loses nothing. */
const DRAFT_PAUSE_MS = 400

let inFlight: Promise<unknown> = Promise.resolve()
/** The draft write waiting for the typing pause, if any. */
let pendingWrite: (() => void) | undefined

/**
 * Drops a draft write still waiting for the typing pause (the save or discard that follows
 * deals with those edits itself) and resolves once none is being written, so no draft written
 * late outlives the save.
 */
export function draftsSettled(): Promise<unknown> {
  pendingWrite = undefined
  return inFlight
}

/** Writes the draft waiting for the typing pause now: switching templates keeps every edit. */
export function flushDraft(): Promise<unknown> {
  pendingWrite?.()
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
      const write = () => {
        if (pendingWrite !== write) return
        pendingWrite = undefined
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
      }
      pendingWrite = write
      timer = setTimeout(write, DRAFT_PAUSE_MS)
    })
    return () => {
      clearTimeout(timer)
      pendingWrite = undefined
      unsubscribe()
    }
  }, [api])
}
