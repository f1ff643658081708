/**
 * Background work with a concurrency bound, for capture-first forwards: the receiver answers
 * Zendesk at once and the forwards run here, a few at a time, however fast captures arrive.
 * `idle()` resolves when nothing is queued or running; `close()` cancels what runs (through the
 * signal each job gets) and drops what waits.
 */
export class ForwardQueue {
  private readonly waiting: Array<(signal: AbortSignal) => Promise<void>> = []
  private running = 0
  private readonly stopping = new AbortController()
  private idleWaiters: Array<() => void> = []

  constructor(
    private readonly concurrency: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  get size(): number {
    return this.waiting.length + this.running
  }

  add(job: (signal: AbortSignal) => Promise<void>): void {
    if (this.stopping.signal.aborted) return
    this.waiting.push(job)
    this.pump()
  }

  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  async close(): Promise<void> {
    this.waiting.length = 0
    this.stopping.abort()
    await this.idle()
  }

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift() as (signal: AbortSignal) => Promise<void>
      this.running++
      void job(this.stopping.signal)
        .catch(this.onError)
        .finally(() => {
          this.running--
          this.pump()
          if (this.size === 0) {
            const waiters = this.idleWaiters
            this.idleWaiters = []
            for (const resolve of waiters) resolve()
          }
        })
    }
  }
}
