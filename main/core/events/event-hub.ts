import { EventEmitter, on } from 'node:events'

/** A typed fan-out of engine events; each subscriber gets its own buffered async stream. */
export class EventHub<T> {
  private readonly emitter = new EventEmitter()

  constructor() {
    // Every open window or browser tab holds one listener; there is no leak to warn about.
    this.emitter.setMaxListeners(0)
  }

  emit(event: T): void {
    this.emitter.emit('event', event)
  }

  listenerCount(): number {
    return this.emitter.listenerCount('event')
  }

  /**
   * Starts listening at once (not on the first read), so a caller can take a snapshot after
   * subscribing without missing a change in between. Ends quietly when `signal` aborts.
   */
  subscribe(signal?: AbortSignal): AsyncGenerator<T, void, undefined> {
    const raw = on(this.emitter, 'event', signal ? { signal } : undefined)
    return (async function* () {
      try {
        for await (const args of raw) yield (args as [T])[0]
      } catch (error) {
        if (signal?.aborted) return
        throw error
      }
    })()
  }
}
