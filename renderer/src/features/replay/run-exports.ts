import type { ReplayResult, RunSummary } from '../../../../shared/contract'
import { junitReport } from '../../../../shared/replay/junit-report'

export interface RunFile {
  fileName: string
  content: string
  type: string
}

/** `solved-tickets-2026-11-30T10-00-00Z`: the set and the run's start, safe in any file system. */
export function runFileStem(summary: Pick<RunSummary, 'source' | 'startedAt'>): string {
  const source = summary.source.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'run'
  const time = summary.startedAt.replace(/\.\d+/, '').replace(/:/g, '-')
  return `${source}-${time}`
}

/** The run as JUnit XML, one testcase per result, the suite named for the set. */
export function junitFile(summary: RunSummary, results: readonly ReplayResult[]): RunFile {
  return {
    fileName: `${runFileStem(summary)}.junit.xml`,
    content: junitReport(summary.source, results, summary),
    type: 'application/xml',
  }
}

/** The run's results as NDJSON, one line per result. */
export function ndjsonFile(summary: RunSummary, results: readonly ReplayResult[]): RunFile {
  return {
    fileName: `${runFileStem(summary)}.ndjson`,
    content: results.map((r) => JSON.stringify(r) + '\n').join(''),
    type: 'application/x-ndjson',
  }
}
