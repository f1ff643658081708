import { useEffect } from 'react'
import { recordId } from '../../../../shared/contract'
import { typingIn } from '../../components/typing-in'
import { useInbox } from './inbox-store'

/** `/` jumps to the search box and Esc closes the detail, from anywhere on the Inbox. */
export function useInboxShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return
      if (event.key === '/') {
        event.preventDefault()
        document.getElementById('capture-search')?.focus()
      } else if (event.key === 'Escape' && useInbox.getState().openId) {
        event.preventDefault()
        useInbox.getState().open(null)
        document.getElementById('capture-viewport')?.focus()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}

/** The capture named in `#/inbox/<id>`, if the hash names one. */
function captureInHash(hash: string): string | undefined {
  const id = /^#\/inbox\/([^/?#]+)/.exec(hash)?.[1]
  return id && recordId.safeParse(id).success ? id : undefined
}

/**
 * `#/inbox/<id>` opens that capture (the tray's Recent captures link here), and the open capture
 * is kept in the address, so a reload shows it again. Replacing, not pushing: arrowing through
 * the list does not fill the back button's history.
 */
export function useCaptureInAddress(): void {
  const openId = useInbox((s) => s.openId)
  useEffect(() => {
    const follow = () => {
      const id = captureInHash(window.location.hash)
      if (id) useInbox.getState().open(id)
    }
    follow()
    window.addEventListener('hashchange', follow)
    return () => window.removeEventListener('hashchange', follow)
  }, [])
  useEffect(() => {
    if (!window.location.hash.startsWith('#/inbox')) return
    const wanted = openId ? `#/inbox/${openId}` : '#/inbox'
    if (window.location.hash !== wanted)
      window.history.replaceState(window.history.state, '', wanted)
  }, [openId])
}
