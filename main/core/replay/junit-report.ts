import { createReadStream, createWriteStream, type WriteStream } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { once } from 'node:events'
import type { ReplayResult, RunSummary } from '../../../shared/contract/replay'

/**
 * A replay run as JUnit XML (the format CI servers read: one `<testcase>` per capture, a
 * `<failure>` with every failed assertion). Cases are appended to a side file as results come,
 * so a run of any size holds one result in memory; `finish` writes the `<testsuite>` header,
 * whose counts are only known at the end, and moves the whole into place.
 *
 * Schema as read by Jenkins and GitLab: https://github.com/testmoapp/junitxml
 */
export class JunitReport {
  private readonly cases: WriteStream
  private tests = 0
  private failures = 0

  constructor(
    private readonly file: string,
    private readonly suiteName: string,
  ) {
    this.cases = createWriteStream(`${file}.cases.tmp`, { mode: 0o600 })
  }

  async add(result: ReplayResult): Promise<void> {
    this.tests++
    if (!result.passed) this.failures++
    if (!this.cases.write(testCase(this.suiteName, result))) await once(this.cases, 'drain')
  }

  /** Writes the report (header, cases, footer) to the file, atomically. */
  async finish(summary: Pick<RunSummary, 'durationMs' | 'startedAt'>): Promise<void> {
    const casesFile = `${this.file}.cases.tmp`
    this.cases.end()
    await once(this.cases, 'finish')
    const temp = `${this.file}.tmp`
    const out = createWriteStream(temp, { mode: 0o644 })
    const attrs = [
      `name="${xml(this.suiteName)}"`,
      `tests="${this.tests}"`,
      `failures="${this.failures}"`,
      'errors="0"',
      'skipped="0"',
      `time="${seconds(summary.durationMs)}"`,
      `timestamp="${xml(summary.startedAt)}"`,
    ].join(' ')
    out.write(`<?xml version="1.0" encoding="UTF-8"?>\n`)
    out.write(`<testsuites ${attrs.replace(/ errors="0" skipped="0"/, '')}>\n`)
    out.write(`  <testsuite ${attrs}>\n`)
    for await (const chunk of createReadStream(casesFile)) {
      if (!out.write(chunk)) await once(out, 'drain')
    }
    out.end('  </testsuite>\n</testsuites>\n')
    await once(out, 'finish')
    await syncFile(temp)
    await rename(temp, this.file)
    await rm(casesFile, { force: true })
  }

  /** Drops the side file (a run that failed before it could report). */
  async discard(): Promise<void> {
    this.cases.destroy()
    await rm(`${this.file}.cases.tmp`, { force: true })
  }
}

function testCase(suite: string, result: ReplayResult): string {
  const head = `    <testcase classname="${xml(suite)}" name="${xml(result.name)}" time="${seconds(result.durationMs)}"`
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

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
