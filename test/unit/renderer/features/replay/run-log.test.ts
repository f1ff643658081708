import { describe, expect, it } from 'vitest'
import { RunLog } from '../../../../../renderer/src/features/replay/run-log'
import { replayResult } from '../../../../helpers/replay-results'

describe('a run’s log of results for its exports', () => {
  it('keeps results in arrival order up to its limit and counts the ones after', () => {
    const log = new RunLog(2)
    for (const name of ['a', 'b', 'c', 'd']) log.add(replayResult(name))
    expect(log.results.map((r) => r.name)).toEqual(['a', 'b'])
    expect(log.dropped).toBe(2)
  })
})
