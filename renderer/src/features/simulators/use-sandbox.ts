import { useCallback, useEffect, useState } from 'react'
import type { SandboxSnapshot } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'

const REFRESH_DEBOUNCE_MS = 150

/**
 * The simulators' snapshot, refetched whenever they report a change (the events are coalesced
 * notices, not data), so the screen stays live during a demo without polling.
 */
export function useSandbox(): {
  snapshot: SandboxSnapshot | undefined
  error: string | undefined
  refresh: () => void
  setSnapshot: (snapshot: SandboxSnapshot) => void
} {
  const api = useApi()
  const [snapshot, setSnapshot] = useState<SandboxSnapshot>()
  const [error, setError] = useState<string>()

  const refresh = useCallback(() => {
    api.simulators
      .snapshot()
      .then((next) => {
        setSnapshot(next)
        setError(undefined)
      })
      .catch((failure: unknown) =>
        setError(failure instanceof Error ? failure.message : String(failure)),
      )
  }, [api])

  useEffect(() => {
    refresh()
    const stop = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    void (async () => {
      try {
        for await (const _event of await api.simulators.events(undefined, {
          signal: stop.signal,
        })) {
          clearTimeout(timer)
          timer = setTimeout(refresh, REFRESH_DEBOUNCE_MS)
        }
      } catch {
        // The stream ends when the page leaves or the engine restarts; the next visit resubscribes.
      }
    })()
    return () => {
      clearTimeout(timer)
      stop.abort()
    }
  }, [api, refresh])

  return { snapshot, error, refresh, setSnapshot }
}
