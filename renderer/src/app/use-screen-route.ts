import { useCallback, useEffect, useState } from 'react'
import { DEFAULT_SCREEN, SCREENS } from './screens'

function screenFromHash(hash: string): string {
  const id = hash.replace(/^#\/?/, '').split('/')[0] ?? ''
  return SCREENS.some((s) => s.id === id) ? id : DEFAULT_SCREEN
}

/** The current screen lives in the URL hash, so reloads and back/forward keep the user's place. */
export function useScreenRoute(): [string, (id: string) => void] {
  const [screen, setScreen] = useState(() => screenFromHash(window.location.hash))
  useEffect(() => {
    const onHashChange = () => setScreen(screenFromHash(window.location.hash))
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [])
  const go = useCallback((id: string) => {
    window.location.hash = `#/${id}`
  }, [])
  return [screen, go]
}
