import { useEffect, useState } from 'react'
import { recordId } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { errorText } from '../../api/error-text'
import { typingIn } from '../../components/typing-in'
import { useExchanges } from './exchanges-store'

/** Forwards in flight finish without an event of their own: a slow re-read catches them. */
const POLL_MS = 2_500

/**
 * Keeps the list fresh: on entry, when the kind filter changes, when a capture arrives or its
 * forward finishes (the captures' event stream), and on a slow poll. Returns a key that changes
 * whenever the list was re-read, so the open exchange is re-read with it.
 */
export function useExchangesLive(): { error: string | undefined; reloadKey: string } {
  const api = useApi()
  const kind = useExchanges((s) => s.kind)
  const [error, setError] = useState<string>()
  const [reloadKey, setReloadKey] = useState('0')

  useEffect(() => {
    const stop = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const reload = () =>
      useExchanges
        .getState()
        .load(api)
        .then(() => {
          setError(undefined)
          const open = useExchanges
            .getState()
            .items.find((i) => i.id === useExchanges.getState().openId)
          setReloadKey(open ? `${open.state}:${open.attempts}:${open.status}` : 'none')
        })
        .catch((failure: unknown) => setError(errorText(failure)))
    void reload()
    void (async () => {
      try {
        for await (const _event of await api.captures.events(undefined, { signal: stop.signal })) {
          clearTimeout(timer)
          timer = setTimeout(() => void reload(), 150)
        }
      } catch {
        // Ends when the page leaves or the engine restarts; the poll carries on.
      }
    })()
    const poll = setInterval(() => void reload(), POLL_MS)
    return () => {
      clearTimeout(timer)
      clearInterval(poll)
      stop.abort()
    }
  }, [api, kind])

  return { error, reloadKey }
}

/** The exchange named in `#/exchanges/<id>` (the Activity timeline links there). */
function exchangeInHash(hash: string): string | undefined {
  const id = /^#\/exchanges\/([^/?#]+)/.exec(hash)?.[1]
  return id && recordId.safeParse(id).success ? id : undefined
}

/**
 * `#/exchanges/<id>` opens that exchange and the open one is kept in the address (replaced, not
 * pushed); Esc closes it.
 */
export function useExchangeAddress(): void {
  const openId = useExchanges((s) => s.openId)
  useEffect(() => {
    const follow = () => {
      const id = exchangeInHash(window.location.hash)
      if (id) useExchanges.getState().open(id)
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || typingIn(event.target) || !useExchanges.getState().openId)
        return
      event.preventDefault()
      useExchanges.getState().open(null)
    }
    follow()
    window.addEventListener('hashchange', follow)
    window.addEventListener('keydown', onKeyDown)
    return () => {
      window.removeEventListener('hashchange', follow)
      window.removeEventListener('keydown', onKeyDown)
    }
  }, [])
  useEffect(() => {
    if (!window.location.hash.startsWith('#/exchanges')) return
    const wanted = openId ? `#/exchanges/${openId}` : '#/exchanges'
    if (window.location.hash !== wanted)
      window.history.replaceState(window.history.state, '', wanted)
  }, [openId])
}
