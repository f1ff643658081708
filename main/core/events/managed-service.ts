import type { ServiceStatus } from '../../../shared/contract/app'
import type { ServiceBoard } from './service-board'

/** Anything the engine runs in the background and must stop on quit. */
export interface Closable {
  close(): Promise<void>
}

export interface ServiceSpec<T extends Closable> {
  /** Stable id on the service board, e.g. `simulators`, `receiver`, `tunnel`. */
  id: string
  label: string
  start: () => Promise<T>
  /** One line for the status bar while it runs, e.g. its addresses. */
  describe?: (running: T) => string
  /** What the status bar says before the first start. */
  idleDetail?: string
}

/** Thrown by `ensure` when the service could not start; the message says what to do. */
export class ServiceStartError extends Error {
  constructor(label: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    super(`${label} could not start: ${reason}`, { cause })
    this.name = 'ServiceStartError'
  }
}

/**
 * The lifecycle every background service shares (the Sandbox now; the receiver and tunnel next):
 * started on first use, one start at a time however many callers ask, its state on the service
 * board (starting / running / stopped / error with the reason), stopped cleanly, and startable
 * again after a failure or a stop.
 */
export class ManagedService<T extends Closable> {
  private running: T | undefined
  private starting: Promise<T> | undefined
  private last: ServiceStatus | undefined
  private readonly listeners = new Set<(status: ServiceStatus) => void>()

  constructor(
    private readonly board: ServiceBoard,
    private readonly spec: ServiceSpec<T>,
  ) {
    this.publish('stopped', spec.idleDetail)
  }

  /** What the status board shows for it now. */
  get status(): ServiceStatus {
    return this.last ?? { id: this.spec.id, label: this.spec.label, state: 'stopped' }
  }

  /** Called with each change of state; returns a function that stops listening. */
  onChange(listener: (status: ServiceStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Shows a new line for a running service (its URL changed, say). */
  describeAgain(): void {
    if (this.running) this.publish('running', this.spec.describe?.(this.running))
  }

  /** The running service, if it is running now. */
  get current(): T | undefined {
    return this.running
  }

  /** Starts the service unless it runs already; concurrent callers share one start. */
  ensure(): Promise<T> {
    if (this.running) return Promise.resolve(this.running)
    this.starting ??= this.start()
    return this.starting
  }

  async stop(): Promise<void> {
    const pending = this.starting
    if (pending) await pending.catch(() => undefined)
    const running = this.running
    this.running = undefined
    if (!running) return
    try {
      await running.close()
    } finally {
      this.publish('stopped', this.spec.idleDetail)
    }
  }

  private async start(): Promise<T> {
    this.publish('starting')
    try {
      const running = await this.spec.start()
      this.running = running
      this.publish('running', this.spec.describe?.(running))
      return running
    } catch (error) {
      const failure = new ServiceStartError(this.spec.label, error)
      this.publish('error', failure.message)
      throw failure
    } finally {
      this.starting = undefined
    }
  }

  private publish(state: ServiceStatus['state'], detail?: string): void {
    this.last = {
      id: this.spec.id,
      label: this.spec.label,
      state,
      ...(detail === undefined ? {} : { detail }),
    }
    this.board.set(this.last)
    for (const listener of this.listeners) listener(this.last)
  }
}
