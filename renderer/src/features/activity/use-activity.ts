import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiClient } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { errorText } from '../../api/error-text'
import { correlateActivity, type ActivityChain, type ActivitySources } from './correlate-activity'

/** How much of each record the timeline reads: the newest, from the indexes (no file read). */
const WINDOW = 200
const REFRESH_DEBOUNCE_MS = 120
/** Exchanges have no event stream of their own; a slow poll catches sends made elsewhere. */
const POLL_MS = 3_000

async function loadSources(api: ApiClient): Promise<ActivitySources> {
  const [exchanges, captures, snapshot] = await Promise.all([
    api.exchanges.list({ limit: WINDOW }),
    api.captures.list({ limit: WINDOW }),
    // Real profiles have no simulated Zendesk; their chains start at the capture.
    api.simulators.snapshot().catch(() => null),
  ])
  return {
    exchanges: exchanges.items,
    captures: captures.items,
    invocations: snapshot?.zendesk.invocations ?? [],
    tickets: snapshot?.zendesk.tickets ?? [],
    profiles: snapshot?.braze.profiles ?? [],
  }
}

/** Follows an event stream until the page leaves; each event asks for a refresh. */
async function follow(
  open: (signal: AbortSignal) => Promise<AsyncIterable<unknown>>,
  signal: AbortSignal,
  onEvent: () => void,
): Promise<void> {
  try {
    for await (const _event of await open(signal)) onEvent()
  } catch {
    // The stream ends when the page leaves or the engine restarts; the poll keeps the view fresh.
  }
}

// A function, so TypeScript does not narrow the ref to the value assigned just above.
const askedAgain = (state: string) => state === 'again'

/**
 * The Activity timeline, live: re-read and re-correlated whenever a capture arrives or changes
 * (its forward finished) or the simulators report a change, and every few seconds for exchanges.
 */
export function useActivity(): {
  chains: ActivityChain[] | undefined
  error: string | undefined
  refresh: () => void
} {
  const api = useApi()
  const [chains, setChains] = useState<ActivityChain[]>()
  const [error, setError] = useState<string>()
  // One read at a time; a change that lands during a read asks for one more afterwards.
  const reading = useRef<'idle' | 'reading' | 'again'>('idle')

  const refresh = useCallback(() => {
    if (reading.current !== 'idle') {
      reading.current = 'again'
      return
    }
    void (async () => {
      do {
        reading.current = 'reading'
        try {
          setChains(correlateActivity(await loadSources(api)))
          setError(undefined)
        } catch (failure) {
          setError(errorText(failure))
        }
      } while (askedAgain(reading.current))
      reading.current = 'idle'
    })()
  }, [api])

  useEffect(() => {
    refresh()
    const stop = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const soon = () => {
      clearTimeout(timer)
      timer = setTimeout(refresh, REFRESH_DEBOUNCE_MS)
    }
    void follow((signal) => api.captures.events(undefined, { signal }), stop.signal, soon)
    void follow((signal) => api.simulators.events(undefined, { signal }), stop.signal, soon)
    const poll = setInterval(refresh, POLL_MS)
    return () => {
      clearTimeout(timer)
      clearInterval(poll)
      stop.abort()
    }
  }, [api, refresh])

  return { chains, error, refresh }
}
