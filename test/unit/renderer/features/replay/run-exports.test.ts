import { describe, expect, it } from 'vitest'
import type { ReplayResult, RunSummary } from '../../../../../shared/contract'
import {
  junitFile,
  ndjsonFile,
  runFileStem,
} from '../../../../../renderer/src/features/replay/run-exports'
import { replayResult } from '../../../../helpers/replay-results'

const SUMMARY: RunSummary = {
  runId: '01JDX0000000000000000000RN',
  source: 'set solved-tickets',
  target: 'sandbox',
  startedAt: '2026-11-30T10:00:05.123Z',
  state: 'finished',
  total: 2,
  done: 2,
  passed: 1,
  failed: 1,
  durationMs: 1500,
  requestsPerSecond: 1.3,
  error: null,
}

describe('a run’s export files', () => {
  it('are named after the set and the run’s start, without characters file systems refuse', () => {
    expect(runFileStem('solved-tickets', SUMMARY)).toBe('solved-tickets-2026-11-30T10-00-05Z')
    expect(runFileStem('3 captures', SUMMARY)).toBe('3-captures-2026-11-30T10-00-05Z')
  })

  it('give JUnit a suite named for the set with one testcase per result', () => {
    const file = junitFile({
      name: 'solved-tickets',
      summary: SUMMARY,
      results: [replayResult('a.json'), replayResult('b.json', ['Expected 2xx'])],
    })
    expect(file.fileName).toBe('solved-tickets-2026-11-30T10-00-05Z.junit.xml')
    expect(file.content).toMatch(/<testsuite name="solved-tickets" tests="2" failures="1"/)
    expect(file.content.match(/<testcase /g)).toHaveLength(2)
  })

  it('give NDJSON one parseable line per result', () => {
    const file = ndjsonFile({
      name: 'solved-tickets',
      summary: SUMMARY,
      results: [replayResult('a.json'), replayResult('b.json')],
    })
    const lines = file.content.trimEnd().split('\n')
    expect(lines.map((line) => (JSON.parse(line) as ReplayResult).name)).toEqual([
      'a.json',
      'b.json',
    ])
  })
})
