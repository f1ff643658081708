/**
 * A first-in first-out queue between a producer and a consumer that holds at most `capacity`
 * items: `push` waits while it is full, so a fast producer (a folder being read, a run's
 * results) never piles up more than that in memory. `close` ends it after what is queued;
 * `fail` ends it with an error for the consumer.
 */
export class BoundedQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = []
  private readonly waitingPushers: Array<() => void> = []
  private waitingPuller: (() => void) | undefined
  private closed = false
  private error: Error | undefined

  constructor(private readonly capacity: number) {}

  get length(): number {
    return this.items.length
  }

  get isClosed(): boolean {
    return this.closed
  }

  /** Resolves once the item is queued; rejects if the queue was closed. */
  async push(item: T): Promise<void> {
    while (this.items.length >= this.capacity && !this.closed) {
      await new Promise<void>((resolve) => this.waitingPushers.push(resolve))
    }
    if (this.closed) throw new Error('The queue was closed: nothing more is taken.')
    this.items.push(item)
    this.wakePuller()
  }

  close(): void {
    this.closed = true
    this.wakePuller()
    for (const wake of this.waitingPushers.splice(0)) wake()
  }

  fail(error: unknown): void {
    this.error = error instanceof Error ? error : new Error(String(error))
    this.close()
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      if (this.items.length > 0) {
        const item = this.items.shift() as T
        this.waitingPushers.shift()?.()
        yield item
        continue
      }
      if (this.closed) {
        if (this.error !== undefined) throw this.error
        return
      }
      await new Promise<void>((resolve) => (this.waitingPuller = resolve))
    }
  }

  private wakePuller(): void {
    const wake = this.waitingPuller
    this.waitingPuller = undefined
    wake?.()
  }
}
