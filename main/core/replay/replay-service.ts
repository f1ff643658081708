import path from 'node:path'
import { recordUlidFactory } from '../storage/record-ulid'
import type { Capture } from '../../../shared/contract/captures'
import {
  assertionRules,
  replaySettings,
  runSettings,
  type ReplayEdit,
  type ReplayResult,
  type ReplaySettings,
  type RunEvent,
  type RunSettings,
  type RunSource,
  type RunSummary,
} from '../../../shared/contract/replay'
import { CAPTURE_SETS_FOLDER, captureFileNames, readSetFiles } from '../captures/capture-sets'
import type { CaptureStore } from '../captures/capture-store'
import { BoundedQueue } from './bounded-queue'
import { rulesFor } from './replay-assertions'
import { replayOne, type ReplayOneDeps } from './replay-one'
import { RateLimiter } from './replay-rate'
import { runBatch, type RunItem } from './replay-run'
import { readAssertions } from './replay-assertions-file'
import { resolveTarget, type TargetDeps } from './replay-target'

/** Finished runs kept for the Replay screen; running ones are always kept. */
const KEPT_RUNS = 20
/** Results waiting for a slow reader before the senders hold back. */
const EVENT_WINDOW = 256

export interface ReplayServiceDeps extends ReplayOneDeps {
  captures: Pick<CaptureStore, 'get'>
  dataFolder: string
  targets: TargetDeps
}

interface RunState {
  summary: RunSummary
  controller: AbortController
  feed: BoundedQueue<RunItem> | undefined
  startedMs: number
}

export class UnknownRunError extends Error {
  constructor(runId: string) {
    super(`No replay run ${runId} is running: it may have finished or been cancelled.`)
    this.name = 'UnknownRunError'
  }
}

/**
 * Replays for the API: one capture at a time, and runs over a set, a list of captures or a feed,
 * with streamed results. Keeps only counters for each run (and the few results a slow reader
 * has not taken yet), so a run's memory does not grow with its size.
 */
export class ReplayService {
  private readonly runs = new Map<string, RunState>()
  private readonly nextId = recordUlidFactory()

  constructor(private readonly deps: ReplayServiceDeps) {}

  async one(
    input: ReplaySettings & {
      captureId?: string
      capture?: Capture
      edit?: ReplayEdit
      assertions?: unknown
    },
  ): Promise<ReplayResult> {
    const settings = replaySettings.parse(input)
    const capture =
      input.capture ?? (input.captureId ? await this.deps.captures.get(input.captureId) : undefined)
    if (!capture) throw new UnknownCaptureError(input.captureId)
    const target = await resolveTarget(this.deps.targets, settings.target, settings.profileId)
    const own = input.assertions === undefined ? undefined : assertionRules.parse(input.assertions)
    return replayOne(this.deps, {
      name: capture.id,
      capture,
      target,
      auth: settings.auth,
      resign: settings.resign,
      maxWaitSeconds: settings.maxWaitSeconds,
      edit: input.edit,
      rules: rulesFor(own, []),
    })
  }

  /** Starts a run and streams its events; stopping the stream cancels the run. */
  async *run(
    source: RunSource,
    input: RunSettings,
    signal?: AbortSignal,
  ): AsyncGenerator<RunEvent> {
    const settings = runSettings.parse(input)
    const target = await resolveTarget(this.deps.targets, settings.target, settings.profileId)
    const { items, total, assertions, label, feed } = await this.open(source, settings)
    const state: RunState = {
      summary: {
        runId: this.nextId(this.deps.now().getTime()),
        source: label,
        target: target.label,
        startedAt: this.deps.now().toISOString(),
        state: 'running',
        total,
        done: 0,
        passed: 0,
        failed: 0,
        durationMs: 0,
        requestsPerSecond: 0,
        error: null,
      },
      controller: new AbortController(),
      feed,
      startedMs: performance.now(),
    }
    this.keep(state)
    const events = new BoundedQueue<RunEvent>(EVENT_WINDOW)
    const onAbort = () => state.controller.abort()
    signal?.addEventListener('abort', onAbort, { once: true })
    const limiter = new RateLimiter({ ratePerSecond: settings.ratePerSecond })
    const batch = runBatch({
      items,
      concurrency: settings.concurrency,
      limiter,
      signal: state.controller.signal,
      replay: (item, itemSignal) =>
        replayOne(this.deps, {
          name: item.name,
          capture: item.capture,
          target,
          auth: settings.auth,
          resign: settings.resign,
          maxWaitSeconds: settings.maxWaitSeconds,
          rules: rulesFor(assertions, [item.capture.id, item.name]),
          correlation: { runId: state.summary.runId },
          limiter,
          signal: itemSignal,
        }),
      onResult: async (result) => {
        this.count(state, result)
        const event: RunEvent = { type: 'result', result, summary: { ...state.summary } }
        // Once the reader is gone the run is being cancelled: results have nowhere to go.
        await events.push(event).catch(() => undefined)
      },
    })
    const cancelled = () => state.controller.signal.aborted
    void batch.then(
      () => this.finish(state, events, cancelled() ? 'cancelled' : 'finished'),
      (error: unknown) => this.finish(state, events, cancelled() ? 'cancelled' : 'failed', error),
    )
    try {
      yield { type: 'started', summary: { ...state.summary } }
      yield* events
    } finally {
      signal?.removeEventListener('abort', onAbort)
      // The reader went away before the end: nobody would see the rest, so stop sending it.
      if (state.summary.state === 'running') state.controller.abort()
      events.close()
      state.feed?.close()
    }
  }

  /** Queues fed captures in order; resolves once all are taken (the feed holds a few at a time). */
  async feed(
    runId: string,
    items: ReadonlyArray<{ name: string; capture: Capture }>,
    last: boolean,
  ): Promise<number> {
    const state = this.runs.get(runId)
    if (!state?.feed || state.summary.state !== 'running') throw new UnknownRunError(runId)
    let accepted = 0
    for (const item of items) {
      if (state.feed.isClosed) break
      await state.feed.push(item).then(
        () => accepted++,
        () => undefined,
      )
    }
    if (last) state.feed.close()
    return accepted
  }

  cancel(runId: string): boolean {
    const state = this.runs.get(runId)
    if (!state || state.summary.state !== 'running') return false
    state.controller.abort()
    state.feed?.close()
    return true
  }

  list(): RunSummary[] {
    return [...this.runs.values()].map((state) => ({ ...state.summary })).reverse()
  }

  private async open(source: RunSource, settings: ReturnType<typeof runSettings.parse>) {
    switch (source.kind) {
      case 'set': {
        const folder = path.join(this.deps.dataFolder, CAPTURE_SETS_FOLDER, source.name)
        const names = await captureFileNames(folder).catch(() => {
          throw new UnknownSetError(source.name)
        })
        return {
          items: readSetFiles(folder, names),
          total: names.length,
          assertions: settings.assertions ?? (await readAssertions(folder)),
          label: `set ${source.name}`,
          feed: undefined,
        }
      }
      case 'captures':
        return {
          items: this.storedItems(source.ids),
          total: source.ids.length,
          assertions: settings.assertions,
          label: `${source.ids.length} captures`,
          feed: undefined,
        }
      case 'feed': {
        const feed = new BoundedQueue<RunItem>(Math.max(64, settings.concurrency * 4))
        return {
          items: feed,
          total: null,
          assertions: settings.assertions,
          label: 'fed captures',
          feed,
        }
      }
    }
  }

  private async *storedItems(ids: readonly string[]): AsyncGenerator<RunItem> {
    for (const id of ids) {
      const capture = await this.deps.captures.get(id)
      yield capture
        ? { name: id, capture }
        : { name: id, error: `No capture ${id} in the inbox: it may have been deleted or expired.` }
    }
  }

  private count(state: RunState, result: ReplayResult): void {
    const summary = state.summary
    summary.done++
    if (result.passed) summary.passed++
    else summary.failed++
    summary.durationMs = Math.round(performance.now() - state.startedMs)
    summary.requestsPerSecond =
      summary.durationMs > 0 ? (summary.done * 1000) / summary.durationMs : 0
  }

  private async finish(
    state: RunState,
    events: BoundedQueue<RunEvent>,
    outcome: RunSummary['state'],
    error?: unknown,
  ): Promise<void> {
    state.summary.state = outcome
    state.summary.error = error === undefined ? null : messageOf(error)
    state.summary.durationMs = Math.round(performance.now() - state.startedMs)
    if (state.summary.total === null) state.summary.total = state.summary.done
    state.feed?.close()
    await events.push({ type: 'finished', summary: { ...state.summary } }).catch(() => undefined)
    events.close()
  }

  private keep(state: RunState): void {
    this.runs.set(state.summary.runId, state)
    const finished = [...this.runs.values()].filter((s) => s.summary.state !== 'running')
    for (const old of finished.slice(0, Math.max(0, finished.length - KEPT_RUNS)))
      this.runs.delete(old.summary.runId)
  }
}

export class UnknownCaptureError extends Error {
  constructor(id: string | undefined) {
    super(
      id
        ? `No capture ${id}: it may have been deleted or expired.`
        : 'Give the capture to replay (its id, or the capture).',
    )
    this.name = 'UnknownCaptureError'
  }
}

export class UnknownSetError extends Error {
  constructor(name: string) {
    super(`There is no capture set "${name}" in the data folder: save captures into it first.`)
    this.name = 'UnknownSetError'
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : JSON.stringify(error)
}
