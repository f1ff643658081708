import { randomInt } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { z } from 'zod'
import type {
  BatchRow,
  ComposeBatchOutput,
  composeBatchInput,
} from '../../../shared/contract/compose'
import type { Problem } from '../../../shared/contract/problems'
import type { SampleUserEntry } from '../../../shared/contract/users'
import type { UserLibrary } from '../users/user-library'
import { elapsed } from './render-preview'
import { lintedAs, lintTargetFor, renderOptions } from './render-request'
import type { TemplateRenderer } from './template-renderer'

export type BatchInput = z.output<typeof composeBatchInput>

/** How many of its own problems a row carries (errors first); the preview shows them all. */
const FIRST_PROBLEMS = 3

/**
 * One template against a set of users, parsed once: which users fail and why. Random users are
 * not saved; their ids (`rnd-SEED-N`) render the same user again through the preview.
 */
export async function renderBatch(
  renderer: TemplateRenderer,
  users: UserLibrary,
  input: BatchInput,
  call: { signal?: AbortSignal } = {},
): Promise<ComposeBatchOutput> {
  const started = performance.now()
  const seed =
    typeof input.users === 'object' ? (input.users.seed ?? randomInt(1, 2 ** 31 - 1)) : null
  const entries: readonly SampleUserEntry[] =
    typeof input.users === 'object'
      ? users.randomSet(input.users.random, seed ?? 1)
      : users.snapshot(input.users)
  const target = lintTargetFor(input)
  const renderInput = { ...renderOptions(input), ...(target ? { target } : {}) }
  // Rows come back with up to ROW_PROBLEMS_KEPT (20) problems each (batch-rows.ts), enough to find
  // the template-wide ones and still show each user's own.
  const rendered = await renderer.renderRows(renderInput, entries, { signal: call.signal })
  const common = commonProblems(rendered)
  const rows = rendered.map((r) => ownProblems(r, common))
  const totals = { users: rows.length, failing: 0, aborted: 0, error: 0, warning: 0, info: 0 }
  for (const r of rows) {
    if (!r.ok) totals.failing++
    if (r.aborted !== null) totals.aborted++
    totals.error += r.counts.error
    totals.warning += r.counts.warning
    totals.info += r.counts.info
  }
  return {
    rows,
    commonProblems: [...common.values()],
    totals,
    seed,
    lintedAs: lintedAs(target),
    durationMs: elapsed(started),
  }
}

function ownProblems(row: BatchRow, common: ReadonlyMap<string, Problem>): BatchRow {
  if (common.size === 0) return { ...row, problems: row.problems.slice(0, FIRST_PROBLEMS) }
  return {
    ...row,
    problems: row.problems.filter((p) => !common.has(problemKey(p))).slice(0, FIRST_PROBLEMS),
  }
}

/**
 * The problems every user's render has — the template's own, such as a placeholder left in —
 * by key. Listed once for the batch, so each row shows what is wrong for that user alone (a
 * quote in one name breaking the JSON) instead of repeating the same template-wide errors.
 */
function commonProblems(results: readonly BatchRow[]): Map<string, Problem> {
  const common = new Map<string, Problem>()
  if (results.length < 2) return common
  const [first, ...rest] = results
  for (const p of first?.problems ?? []) common.set(problemKey(p), p)
  for (const result of rest) {
    const keys = new Set(result.problems.map(problemKey))
    for (const key of common.keys()) if (!keys.has(key)) common.delete(key)
    if (common.size === 0) break
  }
  return common
}

function problemKey(p: Problem): string {
  return `${p.code}\u0000${p.line}\u0000${p.column}\u0000${p.source ?? ''}\u0000${p.message}`
}
