import { performance } from 'node:perf_hooks'
import type { BatchRow } from '../../../shared/contract/compose'
import type { SampleUserEntry, UserImportFormat } from '../../../shared/contract/users'
import type { RenderInput } from '../liquid/braze-liquid'
import { cutOffProblem, DEFAULT_RENDER_LIMITS, type RenderLimits } from '../liquid/render-limits'
import {
  BATCH_TIME_MS,
  BatchTimeLimitError,
  type LocatedRender,
  type RenderCall,
  type RowsCall,
  type TemplateRenderer,
} from '../templates/template-renderer'
import { MAX_IMPORT_ROWS, type ReadUsers } from '../users/import-users'
import type { MessageDiff } from '../../../shared/contract/diffs'
import type { MessageDiffInput } from '../diff/message-diff'
import type { JobProgress, JobResults, WorkerJob } from './jobs'
import { arrived, crossing, type Crossing } from './transfer'
import { WorkerJobStopped, type RunOptions, type WorkerPool } from './worker-pool'

/**
 * What a render's own checks cannot stop (a native loop, one huge filter call) the pool stops
 * by terminating its worker this long after the render's time limit.
 */
export const CUT_OFF_GRACE_MS = 1_000
/**
 * Users per job of a batch (see renderRows). Each job's rows arrive as one message, read on the
 * serving thread in one turn: 1,000 rows held it for 5–10 ms (25 ms and more on a busy
 * machine), which set the p99 of every other call during a batch.
 */
const BATCH_CHUNK = 250
/** Reading a users file: the most it may take, in ms. */
const READ_USERS_MS = 120_000
/** A diff: the most it may take, in ms (bodies over 8 MB are compared by digest only). */
const DIFF_MS = 60_000

export interface OffThreadOptions {
  pool: WorkerPool
  /** The engine's clock: every job carries its 'now', workers never read their own. */
  now: () => Date
  limits?: RenderLimits
  /** How long a whole batch may take, in ms. */
  batchTimeMs?: number
}

/**
 * Renders and reads users in the pool's workers, so the thread that serves the API and the
 * simulators never waits for a template or a file. A render that overruns its limits comes back
 * as a result with an error problem, never as a hang.
 */
export class OffThread implements TemplateRenderer {
  private readonly limits: RenderLimits
  private readonly batchTimeMs: number

  constructor(private readonly options: OffThreadOptions) {
    this.limits = options.limits ?? DEFAULT_RENDER_LIMITS
    this.batchTimeMs = options.batchTimeMs ?? BATCH_TIME_MS
  }

  /** Loads a worker now, so the first render does not wait for it (doors call this at start). */
  warm(): void {
    this.options.pool.warm()
  }

  async render(input: RenderInput, call: RenderCall = {}): Promise<LocatedRender> {
    const limits = input.limits ?? this.limits
    const job: WorkerJob = {
      kind: 'render',
      input: { ...input, now: input.now ?? this.options.now(), limits },
      locateTicketFields: call.locateTicketFields ?? false,
    }
    try {
      return await this.run<'render'>(job, {
        timeoutMs: limits.timeMs + CUT_OFF_GRACE_MS,
        signal: call.signal,
      })
    } catch (error) {
      if (!isCutOff(error)) throw error
      return { result: cutOffResult(this.cutOffReason(error, limits)), ticketFields: null }
    }
  }

  /**
   * The batch goes to the worker in chunks: handing thousands of users over (and their rows
   * back) in one message would hold this thread for as long as the copy takes.
   */
  async renderRows(
    input: Omit<RenderInput, 'user'>,
    entries: readonly SampleUserEntry[],
    call: RowsCall = {},
  ): Promise<BatchRow[]> {
    const limits = input.limits ?? this.limits
    const options = { ...input, now: input.now ?? this.options.now(), limits }
    const started = performance.now()
    const rows: BatchRow[] = []
    while (rows.length < entries.length) {
      const timeMs = this.batchTimeMs - (performance.now() - started)
      if (timeMs <= 0) throw new BatchTimeLimitError(rows.length, entries.length, this.batchTimeMs)
      const chunk = entries.slice(rows.length, rows.length + BATCH_CHUNK)
      let done = 0
      try {
        const batch = await this.run<'render-rows'>(
          { kind: 'render-rows', input: options, entries: chunk, timeMs },
          {
            timeoutMs: timeMs + limits.timeMs + CUT_OFF_GRACE_MS,
            // A worker reports every 100 ms; silence means one render is stuck past its limit.
            silenceMs: limits.timeMs + CUT_OFF_GRACE_MS,
            signal: call.signal,
            onProgress: (progress) => {
              done = progress.done
              call.onProgress?.(rows.length + done, entries.length)
            },
          },
        )
        rows.push(...batch.rows)
        if (batch.stopped) {
          throw new BatchTimeLimitError(rows.length, entries.length, this.batchTimeMs)
        }
      } catch (error) {
        if (!isCutOff(error)) throw error
        throw this.batchCutOff(error, limits, rows.length + done + 1, entries.length)
      }
    }
    return rows
  }

  private batchCutOff(error: WorkerJobStopped, limits: RenderLimits, user: number, of: number) {
    const what = this.cutOffReason(error, limits)
    const why =
      what.kind === 'heap'
        ? `used more than ${what.mb} MB of memory`
        : `ran past its ${limits.timeMs} ms time limit`
    return new Error(
      `The batch stopped: the render for user ${user.toLocaleString('en-US')} of ${of.toLocaleString('en-US')} ${why} and was cut off. Preview that user to see where the template runs away.`,
      { cause: error },
    )
  }

  /**
   * Reads a users file (CSV or a Braze export) in a worker; `onProgress` hears rows read of
   * how many. A file with more than MAX_IMPORT_ROWS users is refused with a problem.
   */
  /** A diff of two messages (see diffMessages), in a worker: a long one never holds the API. */
  async diff(input: MessageDiffInput): Promise<MessageDiff> {
    try {
      return await this.run<'diff'>({ kind: 'diff', input }, { timeoutMs: DIFF_MS })
    } catch (error) {
      if (!isCutOff(error)) throw error
      throw new Error(
        error.reason === 'out-of-memory'
          ? `The diff needed more than ${this.options.pool.heapLimitMb} MB of memory and was stopped: ignore the largest arrays (an ignore path), or compare smaller bodies.`
          : `The diff took longer than ${DIFF_MS / 1000} s and was stopped: ignore the largest arrays (an ignore path), or compare smaller bodies.`,
        { cause: error },
      )
    }
  }

  async readUsers(
    format: UserImportFormat,
    text: string,
    call: { signal?: AbortSignal; onProgress?: (progress: JobProgress) => void } = {},
  ): Promise<ReadUsers> {
    try {
      return await this.run<'read-users'>(
        { kind: 'read-users', format, text, maxRows: MAX_IMPORT_ROWS },
        { timeoutMs: READ_USERS_MS, signal: call.signal, onProgress: call.onProgress },
      )
    } catch (error) {
      if (!isCutOff(error)) throw error
      throw new Error(
        error.reason === 'out-of-memory'
          ? `Reading the users file needed more than ${this.options.pool.heapLimitMb} MB of memory and was stopped. Split the file into smaller ones.`
          : `Reading the users file took longer than ${READ_USERS_MS / 1000} s and was stopped. Split the file into smaller ones.`,
        { cause: error },
      )
    }
  }

  private async run<K extends WorkerJob['kind']>(
    job: WorkerJob & { kind: K },
    options: Omit<RunOptions, 'onProgress'> & { onProgress?: (progress: JobProgress) => void },
  ): Promise<JobResults[K]> {
    const { onProgress, ...rest } = options
    const result = await this.options.pool.run<Crossing<JobResults[K]>>(crossing(job), {
      ...rest,
      onProgress: onProgress ? (progress) => onProgress(progress as JobProgress) : undefined,
    })
    return arrived(result)
  }

  private cutOffReason(
    error: WorkerJobStopped,
    limits: RenderLimits,
  ): { kind: 'time'; ms: number } | { kind: 'heap'; mb: number } {
    return error.reason === 'out-of-memory'
      ? { kind: 'heap', mb: this.options.pool.heapLimitMb }
      : { kind: 'time', ms: Math.max(limits.timeMs, error.elapsedMs) }
  }
}

/** Stopped for taking too long or too much memory (not cancelled, not a crash). */
function isCutOff(error: unknown): error is WorkerJobStopped {
  return (
    error instanceof WorkerJobStopped &&
    (error.reason === 'timeout' || error.reason === 'silence' || error.reason === 'out-of-memory')
  )
}

/** The result of a render its worker had to cut off: nothing rendered, one error problem. */
function cutOffResult(reason: Parameters<typeof cutOffProblem>[0]): LocatedRender['result'] {
  return {
    output: '',
    aborted: null,
    problems: [cutOffProblem(reason)],
    headers: {},
    connectedContent: [],
    messageExtras: [],
  }
}
