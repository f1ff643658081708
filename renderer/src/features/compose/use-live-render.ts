import { errorText } from '../../api/error-text'
import { useEffect, useRef } from 'react'
import { useApi } from '../../api/api-context'
import { useAppStore } from '../../app/app-store'
import { useCompose } from './compose-store'
import { composeRenderRequest } from './render-request'

/** Long enough not to render on every keystroke, short enough to feel live. */
const TYPING_PAUSE_MS = 250

/**
 * Renders the open template for the picked user whenever either changes (after a pause in
 * typing, or at once on Ctrl/⌘+Enter). Only the newest answer is kept, so a slow render
 * never overwrites a later one.
 */
export function useLiveRender(): void {
  const api = useApi()
  const body = useCompose((s) => s.body)
  const headers = useCompose((s) => s.headers)
  const target = useCompose((s) => s.target)
  const userId = useCompose((s) => s.userId)
  const canned = useCompose((s) => s.canned)
  const addTestTag = useCompose((s) => s.addTestTag)
  const renderRequest = useCompose((s) => s.renderRequest)
  // Renders wait while the engine is away, and catch up when it answers again.
  const connected = useAppStore((s) => s.connection.kind === 'connected')
  const latest = useRef(0)
  const lastRequest = useRef(renderRequest)

  useEffect(() => {
    if (userId === null || !connected) return
    const now = renderRequest !== lastRequest.current
    lastRequest.current = renderRequest
    const timer = setTimeout(
      () => {
        const ticket = ++latest.current
        const { renderStarted, renderFinished, renderFailed } = useCompose.getState()
        renderStarted()
        api.compose
          .render({
            ...composeRenderRequest({ body, headers, canned, addTestTag }, userId),
            ...(target ? { target } : {}),
          })
          .then((result) => {
            if (ticket === latest.current) renderFinished(result)
          })
          .catch((error: unknown) => {
            if (ticket === latest.current) renderFailed(errorText(error))
          })
      },
      now ? 0 : TYPING_PAUSE_MS,
    )
    return () => clearTimeout(timer)
  }, [api, body, headers, target, userId, canned, addTestTag, renderRequest, connected])
}
