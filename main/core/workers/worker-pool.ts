import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import type { WorkerEntry } from './worker-entry'

/** What the pool and a worker say to each other (see worker-main.ts for the other side). */
export type ToWorker = { id: number; job: unknown }
export type FromWorker =
  | { ready: true }
  | { id: number; progress: unknown }
  | { id: number; result: unknown }
  | { id: number; error: { name: string; message: string } }

export interface WorkerPoolOptions {
  entry: WorkerEntry
  /** How many workers may run at once; jobs beyond that wait their turn. */
  size?: number
  /** Old-generation heap of each worker, in MB: a job that needs more is stopped, not the app. */
  heapMb?: number
}

export interface RunOptions {
  /** The job is stopped (its worker terminated) when it has run this long, in ms. */
  timeoutMs: number
  /** …or when its worker has sent nothing (no progress) for this long. */
  silenceMs?: number
  signal?: AbortSignal
  onProgress?: (progress: unknown) => void
}

export type StopReason = 'timeout' | 'silence' | 'aborted' | 'out-of-memory' | 'crashed'

/**
 * A job that did not finish: it ran past its time, went silent, was cancelled, or its worker
 * ran out of memory or died. `elapsedMs` counts from when a worker took the job.
 */
export class WorkerJobStopped extends Error {
  constructor(
    readonly reason: StopReason,
    readonly elapsedMs: number,
    detail: string,
  ) {
    super(detail)
    this.name = 'WorkerJobStopped'
  }
}

/** An error a job threw in its worker, with its name kept (e.g. for the API's error mapping). */
export class WorkerJobError extends Error {
  constructor(name: string, message: string) {
    super(message)
    this.name = name
  }
}

interface Job {
  id: number
  job: unknown
  options: RunOptions
  resolve: (value: unknown) => void
  reject: (error: Error) => void
  startedAt?: number
  timers: NodeJS.Timeout[]
  onAbort?: () => void
}

interface Slot {
  worker: Worker
  ready: boolean
  job: Job | undefined
}

export const DEFAULT_POOL_SIZE = 2
export const DEFAULT_HEAP_MB = 512
const YOUNG_GENERATION_MB = 96

/**
 * A few node:worker_threads workers for work that can take long (renders, imports), so the
 * thread that serves the API and the simulators never waits for it. A job that overruns is
 * stopped by terminating its worker (a tight loop cannot be interrupted any other way); a
 * fresh worker takes the next job. Idle workers do not keep the process alive.
 */
export class WorkerPool {
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []
  private readonly size: number
  private readonly heapMb: number
  private nextId = 1
  private closed = false

  constructor(private readonly options: WorkerPoolOptions) {
    this.size = Math.max(1, options.size ?? DEFAULT_POOL_SIZE)
    this.heapMb = options.heapMb ?? DEFAULT_HEAP_MB
  }

  get heapLimitMb(): number {
    return this.heapMb
  }

  /** Runs `job` in a worker; rejects with WorkerJobStopped or the job's own error. */
  run<T>(job: unknown, options: RunOptions): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The worker pool is closed.'))
    if (options.signal?.aborted) {
      return Promise.reject(new WorkerJobStopped('aborted', 0, 'The job was cancelled.'))
    }
    return new Promise<T>((resolve, reject) => {
      const queued: Job = {
        id: this.nextId++,
        job,
        options,
        resolve: resolve as (value: unknown) => void,
        reject,
        timers: [],
      }
      const signal = options.signal
      if (signal) {
        queued.onAbort = () => this.stop(queued, 'aborted', 'The job was cancelled.')
        signal.addEventListener('abort', queued.onAbort, { once: true })
      }
      this.queue.push(queued)
      this.dispatch()
    })
  }

  /**
   * Starts a worker ahead of the first job, so that job does not wait for it to load. A worker
   * started this way does not keep the process alive.
   */
  warm(): void {
    if (this.closed || this.slots.length > 0) return
    this.spawn()
    this.dispatch()
  }

  /** Stops every worker; jobs still waiting or running are rejected. */
  async close(): Promise<void> {
    this.closed = true
    for (const job of this.queue.splice(0)) {
      this.settle(job, new WorkerJobStopped('aborted', 0, 'The worker pool was closed.'))
    }
    await Promise.all(
      this.slots.splice(0).map(async (slot) => {
        if (slot.job) {
          this.settle(slot.job, new WorkerJobStopped('aborted', 0, 'The worker pool was closed.'))
        }
        await slot.worker.terminate()
      }),
    )
  }

  private dispatch(): void {
    this.assign()
    // A worker that works, or starts while jobs wait, holds the process open (a command
    // awaiting a result must not exit early); an idle or warming one does not.
    for (const slot of this.slots) {
      if (slot.job || (!slot.ready && this.queue.length > 0)) slot.worker.ref()
      else slot.worker.unref()
    }
  }

  private assign(): void {
    for (;;) {
      const job = this.queue[0]
      if (!job) return
      const idle = this.slots.find((s) => s.ready && !s.job)
      if (idle) {
        this.queue.shift()
        this.start(idle, job)
        continue
      }
      // A worker still starting will take the first job when it is ready.
      const starting = this.slots.filter((s) => !s.ready).length
      if (starting >= this.queue.length || this.slots.length >= this.size) return
      this.spawn()
    }
  }

  private spawn(): void {
    const { entry } = this.options
    const worker = new Worker(entry.target, {
      eval: entry.eval,
      execArgv: entry.execArgv,
      resourceLimits: {
        maxOldGenerationSizeMb: this.heapMb,
        // Jobs parse and walk large JSON (diffs, user files): millions of short-lived objects.
        // A larger young generation means far fewer scavenges (a 1 MB diff: about twice as fast).
        maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
      },
    })
    const slot: Slot = { worker, ready: false, job: undefined }
    this.slots.push(slot)
    worker.on('message', (message: FromWorker) => this.receive(slot, message))
    worker.on('error', (error: Error & { code?: string }) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY'
      this.lose(
        slot,
        outOfMemory ? 'out-of-memory' : 'crashed',
        outOfMemory
          ? `The job needed more than ${this.heapMb} MB of memory.`
          : `The worker failed: ${error.message}`,
      )
    })
    worker.on('exit', (code) => this.lose(slot, 'crashed', `The worker stopped (exit ${code}).`))
  }

  private receive(slot: Slot, message: FromWorker): void {
    if ('ready' in message) {
      slot.ready = true
      this.dispatch()
      return
    }
    const job = slot.job
    if (!job || job.id !== message.id) return
    if ('progress' in message) {
      this.watchSilence(slot, job)
      job.options.onProgress?.(message.progress)
      return
    }
    slot.job = undefined
    if ('result' in message) this.settle(job, undefined, message.result)
    else this.settle(job, new WorkerJobError(message.error.name, message.error.message))
    this.dispatch()
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job
    job.startedAt = performance.now()
    job.timers.push(
      setTimeout(
        () =>
          this.stop(
            job,
            'timeout',
            `The job ran past its time limit (${job.options.timeoutMs} ms).`,
          ),
        job.options.timeoutMs,
      ),
    )
    this.watchSilence(slot, job)
    slot.worker.postMessage({ id: job.id, job: job.job } satisfies ToWorker)
  }

  private watchSilence(slot: Slot, job: Job): void {
    const silenceMs = job.options.silenceMs
    if (silenceMs === undefined) return
    const previous = job.timers.splice(1)
    for (const timer of previous) clearTimeout(timer)
    job.timers.push(
      setTimeout(
        () => this.stop(job, 'silence', `The job sent nothing for ${silenceMs} ms.`),
        silenceMs,
      ),
    )
  }

  /** Ends a job early: dropped from the queue, or its worker terminated. */
  private stop(job: Job, reason: StopReason, detail: string): void {
    const waiting = this.queue.indexOf(job)
    if (waiting >= 0) {
      this.queue.splice(waiting, 1)
      this.settle(job, new WorkerJobStopped(reason, 0, detail))
      return
    }
    const slot = this.slots.find((s) => s.job === job)
    if (!slot) return
    this.lose(slot, reason, detail)
    void slot.worker.terminate()
  }

  /** A worker that cannot go on: its job fails with `reason`, and another worker may start. */
  private lose(slot: Slot, reason: StopReason, detail: string): void {
    const index = this.slots.indexOf(slot)
    if (index < 0) return
    this.slots.splice(index, 1)
    const job = slot.job
    slot.job = undefined
    if (job) this.settle(job, new WorkerJobStopped(reason, elapsed(job), detail))
    else if (!slot.ready) {
      // It died starting: nothing would ever take the waiting jobs, so they fail with its reason.
      for (const waiting of this.queue.splice(0)) {
        this.settle(waiting, new Error(`The worker could not start. ${detail}`))
      }
    }
    if (!this.closed) this.dispatch()
  }

  private settle(job: Job, error: Error | undefined, result?: unknown): void {
    for (const timer of job.timers.splice(0)) clearTimeout(timer)
    if (job.onAbort) job.options.signal?.removeEventListener('abort', job.onAbort)
    if (error) job.reject(error)
    else job.resolve(result)
  }
}

function elapsed(job: Job): number {
  return job.startedAt === undefined ? 0 : Math.round(performance.now() - job.startedAt)
}
