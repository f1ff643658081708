import type { ReplayResult, RunSummary } from '../contract/replay'

/**
 * A replay run as JUnit XML, the format CI servers read: one `<testsuite>` named for the set, one
 * `<testcase>` per capture, a `<failure>` with every failed assertion, and the URL, status and
 * exchange id in `<system-out>`. Pure text builders, so the CLI can stream a run of any size to a
 * file and the Replay screen can build the same report for a download.
 *
 * Schema as read by Jenkins and GitLab: https://github.com/testmoapp/junitxml
 */

/** What the suite's header says; its counts are only known once every case is in. */
export interface JunitSuite {
  name: string
  tests: number
  failures: number
  durationMs: number
  /** ISO 8601. */
  startedAt: string
}

/** The XML declaration, `<testsuites>` and `<testsuite>` opening tags, with the counts. */
export function junitHead(suite: JunitSuite): string {
  const counts = [
    `name="${xml(suite.name)}"`,
    `tests="${suite.tests}"`,
    `failures="${suite.failures}"`,
  ]
  const timing = [`time="${seconds(suite.durationMs)}"`, `timestamp="${xml(suite.startedAt)}"`]
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites ${[...counts, ...timing].join(' ')}>\n` +
    `  <testsuite ${[...counts, 'errors="0"', 'skipped="0"', ...timing].join(' ')}>\n`
  )
}

export const JUNIT_TAIL = '  </testsuite>\n</testsuites>\n'

/** One capture's `<testcase>`, indented to sit in the suite, ending with a newline. */
export function junitCase(suiteName: string, result: ReplayResult): string {
  const head = `    <testcase classname="${xml(suiteName)}" name="${xml(result.name)}" time="${seconds(result.durationMs)}"`
  const props = [
    result.url ? `url=${result.url}` : '',
    result.status !== null ? `status=${result.status}` : '',
    result.exchangeId ? `exchange=${result.exchangeId}` : '',
  ].filter(Boolean)
  const out = props.length > 0 ? `      <system-out>${xml(props.join('\n'))}</system-out>\n` : ''
  if (result.passed) return out ? `${head}>\n${out}    </testcase>\n` : `${head}/>\n`
  const message = result.failures[0] ?? 'failed'
  return (
    `${head}>\n` +
    `      <failure message="${xml(message)}" type="AssertionError">${xml(result.failures.join('\n'))}</failure>\n` +
    `${out}    </testcase>\n`
  )
}

/** The whole report of results held in memory. */
export function junitReport(
  suiteName: string,
  results: readonly ReplayResult[],
  run: Pick<RunSummary, 'durationMs' | 'startedAt'>,
): string {
  const head = junitHead({
    name: suiteName,
    tests: results.length,
    failures: results.filter((r) => !r.passed).length,
    ...run,
  })
  return head + results.map((r) => junitCase(suiteName, r)).join('') + JUNIT_TAIL
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3)
}

/** Text as XML 1.0 character data or attribute value: escaped, and characters XML forbids dropped. */
export function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}
