/** The timer functions the tunnel uses, passed in so tests can drive time. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/**
 * Node's timers, unreferenced: a reconnect or a self-test waiting its turn must not keep a
 * process alive that has nothing else to do (the receiver's server does that while it runs).
 */
export const nodeTimers: Timers = {
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms)
    handle.unref()
    return handle
  },
  clearTimeout(handle) {
    clearTimeout(handle as NodeJS.Timeout)
  },
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function pause(timers: Timers, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const handle = timers.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      timers.clearTimeout(handle)
      resolve()
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
