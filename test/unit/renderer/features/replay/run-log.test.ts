import { describe, expect, it } from 'vitest'
import type { ReplayResult } from '../../../../../shared/contract'
import { RunLog } from '../../../../../renderer/src/features/replay/run-log'

const result = (name: string): ReplayResult => ({
  name,
  captureId: null,
  exchangeId: null,
  url: null,
  status: 201,
  attempts: 1,
  durationMs: 3,
  passed: true,
  failures: [],
})

describe('a run’s log of results for its exports', () => {
  it('keeps results in arrival order up to its limit and counts the ones after', () => {
    const log = new RunLog(2)
    for (const name of ['a', 'b', 'c', 'd']) log.add(result(name))
    expect(log.results.map((r) => r.name)).toEqual(['a', 'b'])
    expect(log.dropped).toBe(2)
  })
})
