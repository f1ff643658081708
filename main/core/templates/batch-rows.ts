import { performance } from 'node:perf_hooks'
import type { BatchRow, RenderResult } from '../../../shared/contract/compose'
import type { SampleUserEntry } from '../../../shared/contract/users'
import type { BrazeLiquid, RenderInput } from '../liquid/braze-liquid'

/**
 * How many problems a row carries (errors first): enough for the batch to tell the template's
 * own problems, which every row has, from each user's (render-batch.ts keeps three of those).
 */
export const ROW_PROBLEMS_KEPT = 20
const RANK = { error: 0, warning: 1, info: 2 } as const
/** How often a long batch reports how far it got, in ms. */
const PROGRESS_EVERY_MS = 100

export interface BatchRows {
  rows: BatchRow[]
  total: number
  /** True when the batch ran out of time before the last user. */
  stopped: boolean
  timeMs: number
}

export interface BatchRowsOptions {
  /** The whole batch's time, in ms; each render also keeps to its own limits. */
  timeMs: number
  /** Called now and then with how many users are done, and once when the batch ends. */
  onProgress?: (done: number, total: number) => void
}

/**
 * One template against a list of users, parsed once: which users fail and why. Runs wherever
 * it is called (a worker, in the app): it takes the users and gives back rows, nothing else.
 */
export function batchRows(
  liquid: BrazeLiquid,
  input: Omit<RenderInput, 'user'>,
  entries: readonly SampleUserEntry[],
  options: BatchRowsOptions,
): BatchRows {
  const started = performance.now()
  let reported = started
  const rows: BatchRow[] = []
  const total = entries.length
  let stopped = false
  for (const result of liquid.renderEach(
    input,
    entries.map((e) => e.user),
  )) {
    rows.push(row(entries[rows.length] as SampleUserEntry, result))
    const now = performance.now()
    if (rows.length < total && now - started > options.timeMs) {
      stopped = true
      break
    }
    if (now - reported >= PROGRESS_EVERY_MS) {
      reported = now
      options.onProgress?.(rows.length, total)
    }
  }
  options.onProgress?.(rows.length, total)
  return { rows, total, stopped, timeMs: options.timeMs }
}

function row(entry: SampleUserEntry, result: RenderResult): BatchRow {
  const counts = { error: 0, warning: 0, info: 0 }
  for (const p of result.problems) counts[p.severity]++
  return {
    userId: entry.id,
    label: entry.label,
    source: entry.source,
    ok: counts.error === 0 && result.aborted === null,
    aborted: result.aborted?.reason ?? null,
    counts,
    problems: [...result.problems]
      .sort((a, b) => RANK[a.severity] - RANK[b.severity])
      .slice(0, ROW_PROBLEMS_KEPT),
  }
}
