import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { CAPTURE_SETS_FOLDER, writeCaptureSet } from '../../main/core/captures/capture-sets'
import type { Engine } from '../../main/core/engine'
import type { RunSummary } from '../../shared/contract/replay'
import { testCapture, trackBody } from '../../test/helpers/captures'
import { createTestEngine } from '../../test/helpers/engine'
import type { Benchmark } from '../harness'

const LARGE = 10_000
const SMALL = 1_000
/**
 * Requests per second the runs are held to: the throughput a run should reach, no more. Above
 * the 69/s the replay uses by default (Braze's 250,000 an hour for endpoints without their own
 * limit), below /users/track's 1,000/s (3,000 per 3 s).
 */
const RATE = 100
const CONCURRENCY = 16

/**
 * Batch replay of a capture set to the Sandbox's simulated Braze (each capture sent, answered,
 * judged and recorded as an exchange in the durable store): the throughput against the rate the
 * run is configured with, and the peak heap growth of 1,000 captures against 10,000 (a run
 * streams its set, so it should not grow with the set's size).
 */
export const replayRun: Benchmark = {
  name: 'replay',
  async setup() {
    const home = mkdtempSync(path.join(process.env.BENCH_TMP ?? os.tmpdir(), 'bb-replay-'))
    const engine = await createTestEngine(home, { sandbox: true })
    const sets = path.join(home, CAPTURE_SETS_FOLDER)
    const captures = Array.from({ length: LARGE }, (_, i) =>
      testCapture({ body: trackBody(`u-${1001 + (i % 5)}`) }),
    )
    await writeCaptureSet(path.join(sets, 'large'), captures)
    await writeCaptureSet(path.join(sets, 'small'), captures.slice(0, SMALL))
    captures.length = 0
    const peaks: Record<string, number[]> = { large: [], small: [] }
    const measure = async (set: 'large' | 'small') => {
      const { summary, peakMb } = await replaySet(engine, set)
      peaks[set]?.push(peakMb)
      if (summary.failed > 0 || summary.done !== (set === 'large' ? LARGE : SMALL))
        throw new Error(`replay ${set}: ${summary.failed} failed of ${summary.done}`)
      return { summary, peakMb }
    }
    return {
      comparisons: [
        {
          name: `replay: ${LARGE.toLocaleString('en-US')} captures to the simulated Braze, ${CONCURRENCY} senders, vs the configured rate`,
          unit: 'req/s',
          per: 'measured',
          // A round replays 10,000 captures (100 s at the rate): no warm-up, at most 3 rounds.
          warmup: 0,
          maxRounds: 3,
          target: 0.9,
          baseline: () => RATE,
          subject: async () => {
            const { summary } = await measure('large')
            return (summary.done * 1000) / summary.durationMs
          },
        },
        {
          name: `replay: peak heap growth, ${SMALL.toLocaleString('en-US')} captures vs ${LARGE.toLocaleString('en-US')} (flat = 1)`,
          unit: 'MB',
          per: 'measured',
          warmup: 0,
          maxRounds: 3,
          // Growing with the set would be 0.1; anything near 1 is flat.
          target: 0.5,
          baseline: () => median(peaks.large ?? []),
          subject: async () => (await measure('small')).peakMb,
          get note() {
            return `peak heap growth: ${LARGE} captures ${fmtMb(peaks.large)}, ${SMALL} captures ${fmtMb(peaks.small)}`
          },
        },
      ],
      async close() {
        await engine.close()
        rmSync(home, { recursive: true, force: true })
      },
    }
  },
}

/** Runs one set through the engine's replay service, sampling the heap as it goes. */
async function replaySet(
  engine: Engine,
  set: string,
): Promise<{ summary: RunSummary; peakMb: number }> {
  collectGarbage()
  const start = process.memoryUsage().heapUsed
  let peak = start
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed)
  }, 5)
  let summary: RunSummary | undefined
  try {
    const events = engine.qa.replays.run(
      { kind: 'set', name: set },
      { target: { kind: 'sandbox' }, concurrency: CONCURRENCY, ratePerSecond: RATE },
    )
    for await (const event of events) {
      peak = Math.max(peak, process.memoryUsage().heapUsed)
      if (event.type === 'finished') summary = event.summary
    }
  } finally {
    clearInterval(sample)
  }
  if (!summary) throw new Error('the run ended without a summary')
  return { summary, peakMb: (peak - start) / 1024 / 1024 }
}

let gc: (() => void) | undefined

/** A full collection before each run, so its growth is measured from the same floor. */
function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc')
    gc = runInNewContext('gc') as () => void
  }
  gc()
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

function fmtMb(values: number[] | undefined): string {
  return (values ?? []).map((v) => `${v.toFixed(1)} MB`).join(', ')
}
