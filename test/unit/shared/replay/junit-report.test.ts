import { describe, expect, it } from 'vitest'
import { junitReport } from '../../../../shared/replay/junit-report'
import { replayResult } from '../../../helpers/replay-results'

const RUN = { durationMs: 2500, startedAt: '2026-11-30T10:00:00.000Z' }

describe('JUnit report of a replay run', () => {
  it('counts the cases and failures in the suite, with its time and start', () => {
    const xml = junitReport(
      'nightly',
      [replayResult('a.json'), replayResult('b.json', ['bad'])],
      RUN,
    )
    expect(xml).toMatch(
      /<testsuite name="nightly" tests="2" failures="1" errors="0" skipped="0" time="2.500" timestamp="2026-11-30T10:00:00.000Z">/,
    )
    expect(xml).toMatch(/<testsuites name="nightly" tests="2" failures="1" time="2.500"/)
  })

  it('has one testcase per capture, with its URL and status for the CI log', () => {
    const xml = junitReport('nightly', [replayResult('a.json')], RUN)
    expect(xml).toContain(
      '<testcase classname="nightly" name="a.json" time="1.250">\n      <system-out>url=http://127.0.0.1:1/users/track\nstatus=201</system-out>',
    )
  })

  it('gives a failed capture a failure with its first reason as message and every reason as text', () => {
    const xml = junitReport(
      'nightly',
      [replayResult('b.json', ['Expected a 2xx, got 400', 'errors: <bad & "quoted">'])],
      RUN,
    )
    expect(xml).toContain(
      '<failure message="Expected a 2xx, got 400" type="AssertionError">Expected a 2xx, got 400\nerrors: &lt;bad &amp; &quot;quoted&quot;&gt;</failure>',
    )
  })

  it('drops characters XML 1.0 cannot hold, so a binary name never breaks the file', () => {
    expect(junitReport('set', [replayResult('bad\u0000\u001bname')], RUN)).toContain(
      'name="badname"',
    )
  })

  it('is a whole document even with no results', () => {
    const xml = junitReport('empty', [], RUN)
    expect(xml).toMatch(/tests="0" failures="0"/)
    expect(xml.trimEnd().endsWith('</testsuite>\n</testsuites>')).toBe(true)
  })
})
