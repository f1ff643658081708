/**
 * Coalesces bursts of changes into one notification per interval, so a load test against a
 * simulator does not flood the UI with an event per request.
 */
export class ChangeBatcher<K> {
  private keys = new Set<K>()
  private count = 0
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly intervalMs: number,
    private readonly flush: (keys: K[], count: number) => void,
  ) {}

  add(keys: Iterable<K>): void {
    for (const key of keys) this.keys.add(key)
    this.count += 1
    if (this.timer) return
    this.timer = setTimeout(() => this.flushNow(), this.intervalMs)
    this.timer.unref()
  }

  flushNow(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.count === 0) return
    const keys = [...this.keys]
    const count = this.count
    this.keys = new Set()
    this.count = 0
    this.flush(keys, count)
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
