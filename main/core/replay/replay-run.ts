import { setMaxListeners } from 'node:events'
import type { Capture } from '../../../shared/contract/captures'
import type { ReplayResult } from '../../../shared/contract/replay'
import type { SetFile } from '../captures/capture-sets'
import type { RateLimiter } from './replay-rate'

/** One entry of a run's source: a capture to replay, or a file that could not be read as one. */
export type RunItem = SetFile

export interface BatchOptions {
  items: AsyncIterable<RunItem>
  concurrency: number
  limiter: RateLimiter
  replay: (item: { name: string; capture: Capture }, signal: AbortSignal) => Promise<ReplayResult>
  /** Awaited before the sender takes its next item: a slow reader slows the run, not memory. */
  onResult: (result: ReplayResult) => Promise<void>
  signal: AbortSignal
}

/**
 * Replays a stream of captures with `concurrency` senders sharing one rate limiter. Items are
 * pulled one at a time as senders free up, and each result is handed on as it comes, so nothing
 * but the items in flight is held however long the stream. Cancelling stops the pulling and
 * aborts what is in flight (those report as cancelled).
 */
export async function runBatch(options: BatchOptions): Promise<void> {
  const iterator = options.items[Symbol.asyncIterator]()
  // One sender failing (the disk, not a capture) stops the others too.
  const stop = new AbortController()
  const signal = AbortSignal.any([options.signal, stop.signal])
  // Every request in flight listens for the cancel (its socket, its waits): not a leak.
  setMaxListeners(options.concurrency * 4 + 10, signal, options.signal)
  const sender = async () => {
    while (!signal.aborted) {
      const next = await iterator.next()
      if (next.done) return
      const item = next.value
      if ('error' in item) {
        await options.onResult(unreadable(item))
        continue
      }
      try {
        await options.limiter.take(signal)
      } catch {
        return
      }
      await options.onResult(await options.replay(item, signal))
    }
  }
  const run = async () => {
    try {
      await sender()
    } catch (error) {
      stop.abort()
      throw error
    }
  }
  try {
    const outcomes = await Promise.allSettled(Array.from({ length: options.concurrency }, run))
    const failed = outcomes.find((outcome) => outcome.status === 'rejected')
    if (failed) throw failed.reason
  } finally {
    // A source reading files keeps a handle open until it is told to stop.
    await iterator.return?.()
  }
}

/** The result of a set file that is not a capture: failed, never sent. */
export function unreadable(item: { name: string; error: string }): ReplayResult {
  return {
    name: item.name,
    captureId: null,
    exchangeId: null,
    url: null,
    status: null,
    attempts: 0,
    durationMs: 0,
    passed: false,
    failures: [item.error],
  }
}
