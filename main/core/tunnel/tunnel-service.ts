import type {
  ActiveTunnelChoice,
  SelfTestReport,
  TunnelStatus,
} from '../../../shared/contract/tunnel'
import { redactKnownSecrets } from '../../../shared/security/masking'
import { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff'
import type { SelfTestDeps } from './self-test'
import { nodeTimers, type Timers } from './timers'
import { TunnelError, type TunnelConnection, type TunnelProvider } from './tunnel-provider'
import { SelfTestSchedule } from './self-test-schedule'

export interface TunnelStartRequest {
  /** The receiver's port on 127.0.0.1. */
  localPort: number
  choice: ActiveTunnelChoice
  /** The vault's `tunnelAuthToken` (ngrok); never shown in a status or a log line. */
  authToken?: string
}

export type ProviderFactory = (choice: ActiveTunnelChoice, authToken?: string) => TunnelProvider

export interface TunnelServiceDeps {
  createProvider: ProviderFactory
  /** Without it there are no self-tests, and a custom URL cannot come online. */
  selfTest?: Omit<SelfTestDeps, 'now'> & {
    /** Between self-tests while online; 0 turns the periodic self-test off. Default 60 s. */
    intervalMs?: number
  }
  now?: () => Date
  timers?: Timers
  backoff?: BackoffPolicy
  /** How long a soft stop may take before the tunnel is stopped forcibly. Default 3 s. */
  stopDeadlineMs?: number
  /** How long a provider may take to restore its own session before it is reconnected. */
  interruptionLimitMs?: number
  /** Tunnel log lines (provider output, reconnects); the auth token is masked in each. */
  log?: (line: string) => void
}

const STOPPED = 'The tunnel was stopped before it came online.'

/**
 * Runs one tunnel: connects through its provider, reports `connecting` / `online` / `error` /
 * `stopped` to listeners, proves the public URL with self-tests (right after each connect and
 * then periodically, which catches the silent disconnect after sleep), reconnects with capped
 * backoff after a drop, and stops softly then forcibly on `close()`.
 */
export class TunnelService {
  private current: TunnelStatus = { state: 'stopped' }
  private readonly listeners = new Set<(status: TunnelStatus) => void>()
  private readonly timers: Timers
  private readonly now: () => Date
  private request: TunnelStartRequest | undefined
  private provider: TunnelProvider | undefined
  private connection: TunnelConnection | undefined
  private abort = new AbortController()
  private retryTimer: unknown
  private interruptionTimer: unknown
  /**
   * Reconnects since the URL last proved itself: the backoff grows with it, so a tunnel that
   * connects but never delivers does not reconnect every second.
   */
  private failures = 0
  private readonly closing = new Set<Promise<void>>()
  private schedule: SelfTestSchedule | undefined
  /** Bumped by every start and stop: callbacks of an older run see a different number and quit. */
  private run = 0

  constructor(private readonly deps: TunnelServiceDeps) {
    this.timers = deps.timers ?? nodeTimers
    this.now = deps.now ?? (() => new Date())
  }

  get status(): TunnelStatus {
    return this.current
  }

  /** Calls `listener` on every status change; returns the function that stops it. */
  onStatus(listener: (status: TunnelStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Connects and resolves once online. If the first connect fails it rejects with a
   * `TunnelError` and stays in `error` without retrying: the user acts, then starts again.
   * Drops after that are reconnected by themselves.
   */
  async start(request: TunnelStartRequest): Promise<TunnelStatus & { state: 'online' }> {
    await this.close()
    const run = ++this.run
    this.abort = new AbortController()
    this.request = request
    this.failures = 0
    this.provider = this.deps.createProvider(request.choice, request.authToken)
    try {
      return await this.establish(run)
    } catch (error) {
      const failure = this.asTunnelError(error)
      if (run === this.run) this.publishError(failure, undefined)
      throw failure
    }
  }

  /** Sends a self-test now (the UI's "Test" button); resolves with its report. */
  async selfTestNow(): Promise<SelfTestReport> {
    if (this.current.state !== 'online' || !this.schedule) {
      throw new TunnelError('The tunnel is not online, so there is no public URL to test.', true)
    }
    return this.schedule.runNow()
  }

  /** Stops the tunnel (softly, then forcibly on the deadline); the status becomes `stopped`. */
  async close(): Promise<void> {
    this.run++
    this.abort.abort()
    this.timers.clearTimeout(this.retryTimer)
    this.timers.clearTimeout(this.interruptionTimer)
    this.schedule?.stop()
    this.schedule = undefined
    const connection = this.connection
    this.connection = undefined
    if (connection) void this.closeConnection(connection)
    await Promise.all(this.closing)
    if (this.current.state !== 'stopped')
      this.publish({ state: 'stopped', transport: this.current.transport })
  }

  private async establish(run: number): Promise<TunnelStatus & { state: 'online' }> {
    const provider = this.provider as TunnelProvider
    const request = this.request as TunnelStartRequest
    this.publish({ state: 'connecting', transport: provider.transport, attempt: this.failures + 1 })
    const connection = await provider.connect({
      localPort: request.localPort,
      signal: this.abort.signal,
    })
    if (run !== this.run) {
      await this.closeConnection(connection)
      throw new TunnelError(STOPPED, false)
    }
    this.connection = connection
    this.log(`${provider.label}: ${connection.publicUrl} → 127.0.0.1:${request.localPort}`)
    void connection.lost.then((reason) => {
      void this.reconnect(run, connection, reason)
    })
    connection.watch?.({
      interrupted: (reason) => this.onInterrupted(run, connection, reason),
      restored: () => this.onRestored(run, connection),
    })
    const schedule = this.deps.selfTest
      ? new SelfTestSchedule({
          ...this.deps.selfTest,
          publicUrl: connection.publicUrl,
          timers: this.timers,
          now: this.now,
          onReport: (report) => this.onSelfTest(run, connection, report),
        })
      : undefined
    let firstReport: SelfTestReport | undefined
    if (provider.needsSelfTestToGoOnline) {
      if (!schedule) {
        await this.closeConnection(connection)
        throw new TunnelError(
          `${provider.label} can only be confirmed by a self-test through the receiver, and the receiver is not running. Start the receiver, then the tunnel.`,
          false,
        )
      }
      firstReport = await schedule.runNow({ quiet: true })
      if (run !== this.run || !firstReport.ok) {
        schedule.stop()
        if (run !== this.run) throw new TunnelError(STOPPED, false)
        this.connection = undefined
        await this.closeConnection(connection)
        throw new TunnelError(firstReport.failure ?? 'The self-test failed.', true)
      }
    }
    this.schedule = schedule
    const online = {
      state: 'online' as const,
      transport: provider.transport,
      publicUrl: connection.publicUrl,
      since: this.now().toISOString(),
      ...(firstReport ? { lastSelfTest: firstReport } : {}),
    }
    // Without self-tests, connecting is the only proof there is.
    if (!schedule || firstReport) this.failures = 0
    this.publish(online)
    // A provider that says it is up may still not deliver: prove it at once (and after each
    // reconnect), then keep proving it.
    schedule?.begin({ immediately: !firstReport })
    return online
  }

  /** The provider lost its session and is reconnecting it; give it a while before stepping in. */
  private onInterrupted(run: number, connection: TunnelConnection, reason: string): void {
    if (run !== this.run || this.connection !== connection || this.current.state !== 'online')
      return
    const lastSelfTest = this.current.lastSelfTest
    this.publishError(new TunnelError(reason, true), connection.publicUrl, lastSelfTest)
    this.timers.clearTimeout(this.interruptionTimer)
    const limit = this.deps.interruptionLimitMs ?? 60_000
    this.interruptionTimer = this.timers.setTimeout(() => {
      if (run !== this.run || this.connection !== connection) return
      const gaveUp = `${reason} It did not come back within ${Math.round(limit / 1000)} s, so Bridgebench reconnects.`
      void this.reconnect(run, connection, new TunnelError(gaveUp, true))
    }, limit)
  }

  private onRestored(run: number, connection: TunnelConnection): void {
    if (run !== this.run || this.connection !== connection || this.current.state !== 'error') return
    this.timers.clearTimeout(this.interruptionTimer)
    const { lastSelfTest } = this.current
    this.publish({
      state: 'online',
      transport: this.current.transport,
      publicUrl: connection.publicUrl,
      since: this.now().toISOString(),
      ...(lastSelfTest ? { lastSelfTest } : {}),
    })
    void this.schedule?.runNow()
  }

  private onSelfTest(run: number, connection: TunnelConnection, report: SelfTestReport): void {
    if (run !== this.run || this.current.state !== 'online') return
    if (report.ok) {
      this.failures = 0
      this.publish({ ...this.current, lastSelfTest: report })
      return
    }
    const reason = `The public URL stopped reaching this machine: ${report.failure ?? 'the self-test failed'}`
    void this.reconnect(run, connection, new TunnelError(reason, true), report)
  }

  /**
   * Drops `connection` and reconnects with capped backoff, while retrying can help. Several
   * signals may report one failure (the socket closed, the self-test failed): the first wins.
   */
  private async reconnect(
    run: number,
    connection: TunnelConnection,
    cause: TunnelError,
    report?: SelfTestReport,
  ): Promise<void> {
    if (run !== this.run || this.connection !== connection) return
    this.connection = undefined
    this.timers.clearTimeout(this.interruptionTimer)
    this.schedule?.stop()
    this.schedule = undefined
    this.log(`Tunnel lost: ${cause.message}`)
    const closing = this.closeConnection(connection)
    this.scheduleRetry(run, cause, connection.publicUrl, report, closing)
    await closing
  }

  /**
   * Reports the error at once (with when the retry starts) and retries after the backoff delay,
   * but never before `closing` (the dropped connection) is done.
   */
  private scheduleRetry(
    run: number,
    cause: TunnelError,
    publicUrl?: string,
    report?: SelfTestReport,
    closing: Promise<void> = Promise.resolve(),
  ): void {
    if (!cause.retryable) {
      this.publishError(cause, publicUrl, report)
      return
    }
    this.failures++
    const delay = backoffDelay(this.failures, this.deps.backoff ?? DEFAULT_BACKOFF)
    const due = this.now().getTime() + delay
    this.publishError(cause, publicUrl, report, new Date(due).toISOString())
    void closing.then(() => {
      if (run !== this.run) return
      const wait = Math.max(0, due - this.now().getTime())
      this.retryTimer = this.timers.setTimeout(() => {
        if (run !== this.run) return
        this.establish(run).catch((error: unknown) => {
          if (run !== this.run) return
          this.scheduleRetry(run, this.asTunnelError(error), publicUrl)
        })
      }, wait)
    })
  }

  private publishError(
    error: TunnelError,
    publicUrl: string | undefined,
    lastSelfTest?: SelfTestReport,
    retryAt?: string,
  ): void {
    this.publish({
      state: 'error',
      transport: (this.provider as TunnelProvider).transport,
      reason: error.message,
      retryable: error.retryable,
      ...(retryAt ? { retryAt } : {}),
      ...(publicUrl ? { publicUrl } : {}),
      ...(lastSelfTest ? { lastSelfTest } : {}),
    })
  }

  /** Closes a connection; `close()` waits for every one still closing (a process in SIGTERM). */
  private closeConnection(connection: TunnelConnection): Promise<void> {
    const deadline = this.deps.stopDeadlineMs ?? 3_000
    const closing = connection.close(deadline).catch((error: unknown) => {
      this.log(
        `Closing the tunnel failed: ${error instanceof Error ? error.message : String(error)}`,
      )
    })
    this.closing.add(closing)
    void closing.finally(() => this.closing.delete(closing))
    return closing
  }

  private asTunnelError(error: unknown): TunnelError {
    if (error instanceof TunnelError) return error
    const message = error instanceof Error ? error.message : String(error)
    return new TunnelError(message, true, { cause: error })
  }

  private log(line: string): void {
    this.deps.log?.(redactKnownSecrets(line, this.secrets()))
  }

  /** The auth token, masked wherever a library echoes it (ngrok's "Your authtoken: …"). */
  private secrets(): string[] {
    const token = this.request?.authToken
    return token ? [token] : []
  }

  private publish(status: TunnelStatus): void {
    const clean =
      status.state === 'error'
        ? { ...status, reason: redactKnownSecrets(status.reason, this.secrets()) }
        : status
    this.current = clean
    for (const listener of this.listeners) listener(clean)
  }
}
