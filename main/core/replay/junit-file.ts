import { createReadStream, createWriteStream, type WriteStream } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { once } from 'node:events'
import type { ReplayResult, RunSummary } from '../../../shared/contract/replay'
import { JUNIT_TAIL, junitCase, junitHead } from '../../../shared/replay/junit-report'

/**
 * A replay run's JUnit XML written to a file as results come (the CLI's `--junit FILE`). Cases are
 * appended to a side file, so a run of any size holds one result in memory; `finish` writes the
 * `<testsuite>` header, whose counts are only known at the end, and moves the whole into place.
 */
export class JunitFile {
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
    if (!this.cases.write(junitCase(this.suiteName, result))) await once(this.cases, 'drain')
  }

  /** Writes the report (header, cases, footer) to the file, atomically. */
  async finish(summary: Pick<RunSummary, 'durationMs' | 'startedAt'>): Promise<void> {
    const casesFile = `${this.file}.cases.tmp`
    this.cases.end()
    await once(this.cases, 'finish')
    const temp = `${this.file}.tmp`
    const out = createWriteStream(temp, { mode: 0o644 })
    out.write(
      junitHead({
        name: this.suiteName,
        tests: this.tests,
        failures: this.failures,
        durationMs: summary.durationMs,
        startedAt: summary.startedAt,
      }),
    )
    for await (const chunk of createReadStream(casesFile)) {
      if (!out.write(chunk)) await once(out, 'drain')
    }
    out.end(JUNIT_TAIL)
    await once(out, 'finish')
    await syncFile(temp)
    await rename(temp, this.file)
    await rm(casesFile, { force: true })
  }

  /** Drops the side file (a run that failed before it could report). */
  async discard(): Promise<void> {
    // The side file's open (or a write) may still be under way in the thread pool: removing
    // it before the stream has closed would let that open create the file again.
    const closed = this.cases.closed ? Promise.resolve() : once(this.cases, 'close')
    this.cases.destroy()
    await closed
    await rm(`${this.file}.cases.tmp`, { force: true })
  }
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
