import { describe, expect, it } from 'vitest'
import type { ApiClient, ReplayResult, RunEvent, RunSummary } from '../../../../../shared/contract'
import {
  SHOWN_PASSES,
  addResult,
  useReplay,
  type ActiveRun,
} from '../../../../../renderer/src/features/replay/replay-store'
import { RunLog } from '../../../../../renderer/src/features/replay/run-log'

const result = (name: string, passed: boolean): ReplayResult => ({
  name,
  captureId: null,
  exchangeId: null,
  url: null,
  status: passed ? 201 : 400,
  attempts: 1,
  durationMs: 3,
  passed,
  failures: passed ? [] : ['status 400, expected a 2xx'],
})

describe('a run’s results on screen', () => {
  it('keeps every failure but only the first passes, counting the rest', () => {
    let run: ActiveRun = {
      name: 'set',
      summary: null,
      results: [],
      hiddenPasses: 0,
      log: new RunLog(),
      cancelling: false,
      error: null,
    }
    for (let i = 0; i < SHOWN_PASSES + 10; i++) run = addResult(run, result(`p${i}`, true))
    run = addResult(run, result('f', false))
    expect(run.results).toHaveLength(SHOWN_PASSES + 1)
    expect(run.results.at(-1)?.name).toBe('f')
    expect(run.hiddenPasses).toBe(10)
  })
})

const summary: RunSummary = {
  runId: 'r',
  source: 'set',
  target: 'sandbox',
  startedAt: '2026-11-30T10:00:00.000Z',
  state: 'running',
  total: null,
  done: 0,
  passed: 0,
  failed: 0,
  durationMs: 0,
  requestsPerSecond: 0,
  error: null,
}

/** An API whose run streams these results, then finishes. */
function apiStreaming(results: ReplayResult[]): ApiClient {
  async function* events(): AsyncGenerator<RunEvent> {
    await Promise.resolve()
    yield { type: 'started', summary }
    for (const r of results) yield { type: 'result', result: r, summary }
    yield { type: 'finished', summary: { ...summary, state: 'finished' } }
  }
  return {
    replay: { run: () => Promise.resolve(events()), runs: () => Promise.resolve([]) },
  } as unknown as ApiClient
}

describe('a run followed by the Replay screen', () => {
  it('logs every result for the exports while listing only the first passes', async () => {
    const results = Array.from({ length: SHOWN_PASSES + 3 }, (_, i) => result(`p${i}`, true))
    await useReplay.getState().start(
      apiStreaming(results),
      { kind: 'set', name: 'nightly' },
      {
        target: { kind: 'sandbox' },
      },
    )
    const run = useReplay.getState().run
    expect(run?.results).toHaveLength(SHOWN_PASSES)
    expect(run?.log.results).toHaveLength(SHOWN_PASSES + 3)
    expect(run?.summary?.state).toBe('finished')
    expect(run?.name).toBe('nightly')
  })
})
