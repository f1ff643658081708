import { abortableSleep, type Sleep } from '../net/retrying-send'

export interface RateLimiterOptions {
  /** Requests per second, on average. */
  ratePerSecond: number
  /** Milliseconds on a monotonic clock (performance.now by default). */
  now?: () => number
  sleep?: Sleep
}

/**
 * A token bucket shared by every sender of a run: at most `ratePerSecond` on average, with
 * bursts of a tenth of a second's worth (so high rates are not capped by timer resolution), and
 * a pause that holds everyone when Braze says its window is used up (429 with a reset time).
 */
export class RateLimiter {
  private readonly rate: number
  private readonly capacity: number
  private readonly now: () => number
  private readonly sleep: Sleep
  private tokens: number
  private last: number
  private pausedUntil = 0

  constructor(options: RateLimiterOptions) {
    this.rate = options.ratePerSecond
    this.capacity = Math.max(1, options.ratePerSecond / 10)
    this.now = options.now ?? (() => performance.now())
    this.sleep = options.sleep ?? abortableSleep
    this.tokens = 1
    this.last = this.now()
  }

  /** Waits for the next send's turn; rejects when the signal fires. */
  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.now()
      if (now < this.pausedUntil) {
        await this.sleep(this.pausedUntil - now, signal)
        continue
      }
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.rate)
      this.last = now
      if (this.tokens >= 1) {
        this.tokens -= 1
        return
      }
      await this.sleep(Math.max(1, ((1 - this.tokens) / this.rate) * 1000), signal)
    }
  }

  /** Holds every sender for `ms` from now (a 429's reset); a longer pause already set stays. */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms)
    this.tokens = 0
  }
}
