import type { ReplayResult, RunSummary } from '../../../../shared/contract'
import { junitReport } from '../../../../shared/replay/junit-report'

export interface RunFile {
  fileName: string
  content: string
  type: string
}

/** `solved-tickets-2026-11-30T10-00-00Z`: the set and the run's start, safe in any file system. */
export function runFileStem(name: string, summary: Pick<RunSummary, 'startedAt'>): string {
  const source = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'run'
  const time = summary.startedAt.replace(/\.\d+/, '').replace(/:/g, '-')
  return `${source}-${time}`
}

/** What the exports are made of: the run's name (its set), how it went, and its results. */
export interface RunRecord {
  name: string
  summary: RunSummary
  results: readonly ReplayResult[]
}

/** The run as JUnit XML, one testcase per result, the suite named for the set. */
export function junitFile({ name, summary, results }: RunRecord): RunFile {
  return {
    fileName: `${runFileStem(name, summary)}.junit.xml`,
    content: junitReport(name, results, summary),
    type: 'application/xml',
  }
}

/** The run's results as NDJSON, one line per result. */
export function ndjsonFile({ name, summary, results }: RunRecord): RunFile {
  return {
    fileName: `${runFileStem(name, summary)}.ndjson`,
    content: results.map((r) => JSON.stringify(r) + '\n').join(''),
    type: 'application/x-ndjson',
  }
}
