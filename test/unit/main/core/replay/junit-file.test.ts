import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { JunitFile } from '../../../../../main/core/replay/junit-file'
import { junitReport } from '../../../../../shared/replay/junit-report'
import { useTempDir } from '../../../../helpers/temp-dir'
import { replayResult } from '../../../../helpers/replay-results'

const RUN = { durationMs: 2500, startedAt: '2026-11-30T10:00:00.000Z' }

describe('JUnit file of a replay run', () => {
  const tempDir = useTempDir()

  it('writes the same report as one built in memory, and leaves no side file', async () => {
    const file = path.join(tempDir(), 'junit.xml')
    const results = [replayResult('a.json'), replayResult('b.json', ['Expected a 2xx, got 400'])]
    const report = new JunitFile(file, 'nightly')
    for (const r of results) await report.add(r)
    await report.finish(RUN)
    expect(readFileSync(file, 'utf8')).toBe(junitReport('nightly', results, RUN))
    expect(existsSync(`${file}.cases.tmp`)).toBe(false)
    expect(existsSync(`${file}.tmp`)).toBe(false)
  })

  it('leaves nothing behind when discarded', async () => {
    const file = path.join(tempDir(), 'junit.xml')
    const report = new JunitFile(file, 'nightly')
    await report.add(replayResult('a.json'))
    await report.discard()
    expect(existsSync(file)).toBe(false)
    expect(existsSync(`${file}.cases.tmp`)).toBe(false)
  })
})
