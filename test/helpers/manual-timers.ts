import type { Timers } from '../../main/core/tunnel/timers'

interface Pending {
  id: number
  at: number
  run: () => void
}

/** Lets every promise callback queued so far run (and those they queue in turn). */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve))
}

/**
 * Timers that fire only when a test advances them, with a wall clock beside them that the test
 * may move on its own (as a machine that slept does: wall time jumps, timers do not).
 */
export class ManualTimers implements Timers {
  /** Milliseconds the timers have advanced. */
  elapsed = 0
  /** Wall-clock offset, in ms since the epoch. */
  wall = Date.UTC(2026, 10, 30, 10, 0, 0)
  private pending: Pending[] = []
  private nextId = 1

  readonly now = (): Date => new Date(this.wall)

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++
    this.pending.push({ id, at: this.elapsed + ms, run: callback })
    return id
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((p) => p.id !== handle)
  }

  /** Delays of the timers still waiting, from now. */
  waiting(): number[] {
    return this.pending.map((p) => p.at - this.elapsed).sort((a, b) => a - b)
  }

  /** Moves time on by `ms`, firing due timers in order and settling promises after each. */
  async advance(ms: number): Promise<void> {
    const target = this.elapsed + ms
    await settle()
    for (;;) {
      const due = this.pending
        .filter((p) => p.at <= target)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0]
      if (!due) break
      this.pending = this.pending.filter((p) => p !== due)
      this.wall += due.at - this.elapsed
      this.elapsed = due.at
      due.run()
      await settle()
    }
    this.wall += target - this.elapsed
    this.elapsed = target
  }
}
