import { randomInt } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { z } from 'zod'
import type {
  BatchRow,
  ComposeBatchOutput,
  composeBatchInput,
} from '../../../shared/contract/compose'
import type { SampleUserEntry } from '../../../shared/contract/users'
import type { RenderResult } from '../../../shared/contract/compose'
import type { BrazeLiquid } from '../liquid/braze-liquid'
import type { UserLibrary } from '../users/user-library'
import { elapsed } from './render-preview'
import { lintedAs, lintTargetFor, renderOptions } from './render-request'

export type BatchInput = z.output<typeof composeBatchInput>

/** How many problems a row carries (errors first); the preview shows them all for one user. */
const FIRST_PROBLEMS = 3
const RANK = { error: 0, warning: 1, info: 2 } as const

/**
 * One template against a set of users, parsed once: which users fail and why. Random users are
 * not saved; their ids (`rnd-SEED-N`) render the same user again through the preview.
 */
export function renderBatch(
  liquid: BrazeLiquid,
  users: UserLibrary,
  input: BatchInput,
): ComposeBatchOutput {
  const started = performance.now()
  const seed =
    typeof input.users === 'object' ? (input.users.seed ?? randomInt(1, 2 ** 31 - 1)) : null
  const entries: SampleUserEntry[] =
    typeof input.users === 'object'
      ? users.randomSet(input.users.random, seed ?? 1)
      : users.set(input.users === 'saved' ? 'saved' : input.users)
  const rows: BatchRow[] = []
  let index = 0
  const target = lintTargetFor(input)
  for (const result of liquid.renderEach(
    { ...renderOptions(input), ...(target ? { target } : {}) },
    entries.map((e) => e.user),
  )) {
    rows.push(row(entries[index++] as SampleUserEntry, result))
  }
  const totals = { users: rows.length, failing: 0, aborted: 0, error: 0, warning: 0, info: 0 }
  for (const r of rows) {
    if (!r.ok) totals.failing++
    if (r.aborted !== null) totals.aborted++
    totals.error += r.counts.error
    totals.warning += r.counts.warning
    totals.info += r.counts.info
  }
  return { rows, totals, seed, lintedAs: lintedAs(target), durationMs: elapsed(started) }
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
      .slice(0, FIRST_PROBLEMS),
  }
}
