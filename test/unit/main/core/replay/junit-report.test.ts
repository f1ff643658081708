import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { JunitReport } from '../../../../../main/core/replay/junit-report'
import type { ReplayResult } from '../../../../../shared/contract/replay'
import { useTempDir } from '../../../../helpers/temp-dir'

function result(name: string, failures: string[] = []): ReplayResult {
  return {
    name,
    captureId: name,
    exchangeId: null,
    url: 'http://127.0.0.1:1/users/track',
    status: failures.length ? 400 : 201,
    attempts: 1,
    durationMs: 1250,
    passed: failures.length === 0,
    failures,
  }
}

describe('JUnit report of a replay run', () => {
  const tempDir = useTempDir()

  it('has one testcase per capture, counts in the suite, and each failure with its reasons', async () => {
    const file = path.join(tempDir(), 'junit.xml')
    const report = new JunitReport(file, 'nightly')
    await report.add(result('a.json'))
    await report.add(result('b.json', ['Expected a 2xx, got 400', 'errors: <bad & "quoted">']))
    await report.finish({ durationMs: 2500, startedAt: '2026-11-30T10:00:00.000Z' })
    const xml = readFileSync(file, 'utf8')
    expect(xml).toMatch(
      /<testsuite name="nightly" tests="2" failures="1" errors="0" skipped="0" time="2.500"/,
    )
    expect(xml).toContain('<testcase classname="nightly" name="a.json" time="1.250">')
    expect(xml).toContain(
      '<failure message="Expected a 2xx, got 400" type="AssertionError">Expected a 2xx, got 400\nerrors: &lt;bad &amp; &quot;quoted&quot;&gt;</failure>',
    )
    expect(existsSync(`${file}.cases.tmp`)).toBe(false)
  })

  it('drops characters XML 1.0 cannot hold, so a binary name never breaks the file', async () => {
    const file = path.join(tempDir(), 'junit.xml')
    const report = new JunitReport(file, 'set')
    await report.add(result('bad\u0000\u001bname'))
    await report.finish({ durationMs: 0, startedAt: '2026-11-30T10:00:00.000Z' })
    expect(readFileSync(file, 'utf8')).toContain('name="badname"')
  })
})
