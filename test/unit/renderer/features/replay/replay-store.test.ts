import { describe, expect, it } from 'vitest'
import type { ReplayResult } from '../../../../../shared/contract'
import {
  SHOWN_PASSES,
  addResult,
  type ActiveRun,
} from '../../../../../renderer/src/features/replay/replay-store'

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
      summary: null,
      results: [],
      hiddenPasses: 0,
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
