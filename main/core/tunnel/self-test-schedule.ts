import type { SelfTestReport } from '../../../shared/contract/tunnel'
import { runSelfTest, type SelfTestDeps } from './self-test'
import type { Timers } from './timers'

export interface SelfTestScheduleOptions extends Omit<SelfTestDeps, 'now'> {
  publicUrl: string
  /** Between self-tests; 0 turns the periodic self-test off (wake checks still run). */
  intervalMs?: number
  /** How often the clock is read to notice that the machine slept. Default 5 s. */
  wakeCheckMs?: number
  timers: Timers
  /** Wall-clock time: it keeps running while the machine sleeps, unlike timers. */
  now: () => Date
  onReport: (report: SelfTestReport) => void
}

/** A gap this much longer than the wake check means the process was frozen: sleep or suspend. */
const WAKE_SLACK_MS = 10_000

/**
 * When to self-test one public URL: on demand, every `intervalMs`, and at once after the
 * machine wakes. Timers stand still while a laptop sleeps, so a 60 s timer alone could let a
 * dead tunnel look online for a minute after waking; the wall clock reveals the gap.
 * One self-test runs at a time; asking during one joins it.
 */
export class SelfTestSchedule {
  private running: Promise<SelfTestReport> | undefined
  private periodic: unknown
  private heartbeat: unknown
  private lastBeat = 0
  private stopped = false

  constructor(private readonly options: SelfTestScheduleOptions) {}

  begin({ immediately }: { immediately: boolean }): void {
    if (immediately) void this.runNow()
    else this.schedulePeriodic()
    this.lastBeat = this.options.now().getTime()
    this.scheduleHeartbeat()
  }

  /** Runs a self-test now; `quiet` keeps the report from `onReport` (the caller handles it). */
  runNow({ quiet = false }: { quiet?: boolean } = {}): Promise<SelfTestReport> {
    this.running ??= runSelfTest(this.options.publicUrl, this.options)
      .then((report) => {
        if (!this.stopped && !quiet) this.options.onReport(report)
        return report
      })
      .finally(() => {
        this.running = undefined
        this.schedulePeriodic()
      })
    return this.running
  }

  stop(): void {
    this.stopped = true
    this.options.timers.clearTimeout(this.periodic)
    this.options.timers.clearTimeout(this.heartbeat)
  }

  private schedulePeriodic(): void {
    const interval = this.options.intervalMs ?? 60_000
    this.options.timers.clearTimeout(this.periodic)
    if (this.stopped || interval <= 0) return
    this.periodic = this.options.timers.setTimeout(() => void this.runNow(), interval)
  }

  private scheduleHeartbeat(): void {
    const every = this.options.wakeCheckMs ?? 5_000
    this.heartbeat = this.options.timers.setTimeout(() => {
      if (this.stopped) return
      const now = this.options.now().getTime()
      const woke = now - this.lastBeat > every + WAKE_SLACK_MS
      this.lastBeat = now
      if (woke) void this.runNow()
      this.scheduleHeartbeat()
    }, every)
  }
}
