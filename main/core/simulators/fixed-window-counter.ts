/**
 * Counts requests in fixed windows aligned to the clock (minute 12:03:00–12:04:00 and so on), the
 * way `ratelimit-reset` counts down to the next boundary. O(1) per request.
 */
export class FixedWindowCounter {
  private windowStart = -1
  private count = 0

  constructor(
    public limit: number,
    public windowMs: number,
  ) {}

  /** Counts one request at `nowMs`; `allowed` is false once the window's budget is spent. */
  take(nowMs: number): { allowed: boolean; remaining: number; resetMs: number } {
    const start = nowMs - (nowMs % this.windowMs)
    if (start !== this.windowStart) {
      this.windowStart = start
      this.count = 0
    }
    const resetMs = start + this.windowMs - nowMs
    if (this.count >= this.limit) return { allowed: false, remaining: 0, resetMs }
    this.count += 1
    return { allowed: true, remaining: this.limit - this.count, resetMs }
  }

  /** The window's end, in ms since the epoch. */
  windowEnd(nowMs: number): number {
    return nowMs - (nowMs % this.windowMs) + this.windowMs
  }
}
