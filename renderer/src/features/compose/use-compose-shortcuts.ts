import { useEffect, useRef } from 'react'

/**
 * Ctrl/⌘+S saves the template (instead of the browser's "save page"); Ctrl/⌘+Enter renders at
 * once. Inside the editor, Ctrl/⌘+Enter is handled by the editor itself, which marks the event
 * as handled.
 */
export function useComposeShortcuts(actions: { save: () => void; renderNow: () => void }): void {
  const latest = useRef(actions)
  useEffect(() => {
    latest.current = actions
  })
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return
      if (event.key.toLowerCase() === 's') {
        event.preventDefault()
        latest.current.save()
      } else if (event.key === 'Enter' && !event.defaultPrevented) {
        event.preventDefault()
        latest.current.renderNow()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
