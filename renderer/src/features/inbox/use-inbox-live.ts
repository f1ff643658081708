import { useEffect, useRef } from 'react'
import type { ApiClient, CaptureEvent } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { useInbox } from './inbox-store'

const RETRY_MS = 1500
/** Live captures are applied in batches: a burst of hundreds becomes a few renders, not hundreds. */
const FLUSH_MS = 100

/**
 * Keeps the Inbox live while it is on screen: the receiver's status, each capture as it is stored
 * and each deletion. After a dropped stream (engine restarted, laptop slept) it resubscribes and
 * reloads the list, since captures may have arrived in between.
 */
export function useInboxLive(): void {
  const api = useApi()
  useEffect(() => {
    const stop = new AbortController()
    const store = useInbox.getState()
    api.receiver
      .settings()
      .then(store.setSettings)
      .catch(() => undefined)
    void follow(stop.signal, async () => {
      for await (const status of await api.receiver.events(undefined, { signal: stop.signal }))
        useInbox.getState().setStatus(status)
    })
    void follow(stop.signal, async () => {
      const events = await api.captures.events(undefined, { signal: stop.signal })
      // Subscribed first, then listed: a capture in between is in both, and is added once.
      void useInbox.getState().reload(api)
      await consumeBatched(events, stop.signal)
    })
    return () => stop.abort()
  }, [api])
}

async function follow(signal: AbortSignal, run: () => Promise<void>): Promise<void> {
  while (!signal.aborted) {
    try {
      await run()
    } catch {
      // Retried below; the status bar already says the engine connection dropped.
    }
    if (signal.aborted) return
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS))
  }
}

async function consumeBatched(
  events: AsyncIterable<CaptureEvent>,
  signal: AbortSignal,
): Promise<void> {
  let pending: CaptureEvent[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  const flush = () => {
    timer = undefined
    const batch = pending
    pending = []
    if (!signal.aborted) useInbox.getState().applyEvents(batch)
  }
  try {
    for await (const event of events) {
      pending.push(event)
      timer ??= setTimeout(flush, FLUSH_MS)
    }
  } finally {
    clearTimeout(timer)
    if (pending.length > 0) flush()
  }
}

/** Reloads the list when the filters change (search typing settles first). */
export function useReloadOnFilters(api: ApiClient): void {
  const filters = useInbox((s) => s.filters)
  const seen = useRef(filters)
  useEffect(() => {
    // The live hook loads the first page; only a change of filters reloads here.
    if (seen.current === filters) return
    seen.current = filters
    const timer = setTimeout(() => void useInbox.getState().reload(api), 200)
    return () => clearTimeout(timer)
  }, [api, filters])
}
