import { randomInt } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { z } from 'zod'
import { collectBatch } from '../../../shared/compose/collect-batch'
import type {
  BatchRow,
  ComposeBatchEvent,
  ComposeBatchOutput,
  composeBatchInput,
} from '../../../shared/contract/compose'
import type { Problem } from '../../../shared/contract/problems'
import type { SampleUserEntry } from '../../../shared/contract/users'
import { streamWhile } from '../events/progress-stream'
import type { UserLibrary } from '../users/user-library'
import { elapsed } from './render-preview'
import { lintedAs, lintTargetFor, renderOptions } from './render-request'
import type { TemplateRenderer } from './template-renderer'

export type BatchInput = z.output<typeof composeBatchInput>

/** How many of its own problems a row carries (errors first); the preview shows them all. */
const FIRST_PROBLEMS = 3
/**
 * Rows per `rows` event: the serving thread validates and encodes one page at a turn (about
 * 0.15 MB and 5 ms for the seed template), so other calls are answered between pages instead
 * of after 10,000 rows.
 */
export const ROWS_PER_EVENT = 250

/**
 * One template against a set of users, parsed once: which users fail and why, as events
 * (composeBatchEvent: progress, pages of rows, result). Random users are not saved; their ids
 * (`rnd-SEED-N`) render the same user again through the preview. Throws BatchTimeLimitError
 * when the whole batch outruns its time.
 */
export async function* renderBatchEvents(
  renderer: TemplateRenderer,
  users: UserLibrary,
  input: BatchInput,
  call: { signal?: AbortSignal } = {},
): AsyncGenerator<ComposeBatchEvent> {
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
  const rendered = yield* streamWhile<ComposeBatchEvent, BatchRow[]>((emit) =>
    renderer.renderRows(renderInput, entries, {
      signal: call.signal,
      onProgress: (done, total) => emit({ type: 'progress', done, total }),
    }),
  )
  const common = commonProblems(rendered)
  const totals = { users: rendered.length, failing: 0, aborted: 0, error: 0, warning: 0, info: 0 }
  for (let from = 0; from < rendered.length; from += ROWS_PER_EVENT) {
    const rows = rendered.slice(from, from + ROWS_PER_EVENT).map((r) => ownProblems(r, common))
    for (const r of rows) {
      if (!r.ok) totals.failing++
      if (r.aborted !== null) totals.aborted++
      totals.error += r.counts.error
      totals.warning += r.counts.warning
      totals.info += r.counts.info
    }
    yield { type: 'rows', rows }
    // Its consumer encodes a page in microtasks; a turn of the event loop lets other calls in.
    await new Promise((resolve) => setImmediate(resolve))
  }
  yield {
    type: 'result',
    commonProblems: common,
    totals,
    seed,
    lintedAs: lintedAs(target),
    durationMs: elapsed(started),
  }
}

/** The whole batch at once (renderBatchEvents folded): for callers that do not stream. */
export function renderBatch(
  renderer: TemplateRenderer,
  users: UserLibrary,
  input: BatchInput,
  call: { signal?: AbortSignal } = {},
): Promise<ComposeBatchOutput> {
  return collectBatch(renderBatchEvents(renderer, users, input, call))
}

function ownProblems(row: BatchRow, common: readonly Problem[]): BatchRow {
  const own = common.length === 0 ? row.problems : row.problems.filter((p) => !has(common, p))
  return { ...row, problems: own.slice(0, FIRST_PROBLEMS) }
}

/**
 * The problems every user's render has — the template's own, such as a placeholder left in.
 * Listed once for the batch, so each row shows what is wrong for that user alone (a quote in
 * one name breaking the JSON) instead of repeating the same template-wide errors. Compared
 * field by field, not by a joined key: 10,000 rows of long messages made 30 MB of key strings
 * on the serving thread.
 */
function commonProblems(results: readonly BatchRow[]): Problem[] {
  const [first, ...rest] = results
  if (!first || rest.length === 0) return []
  let common = first.problems.filter((p, i) => first.problems.findIndex((q) => same(p, q)) === i)
  for (const result of rest) {
    common = common.filter((p) => has(result.problems, p))
    if (common.length === 0) break
  }
  return common
}

function has(problems: readonly Problem[], p: Problem): boolean {
  return problems.some((q) => same(p, q))
}

function same(a: Problem, b: Problem): boolean {
  return (
    a.code === b.code &&
    a.line === b.line &&
    a.column === b.column &&
    (a.source ?? '') === (b.source ?? '') &&
    a.message === b.message
  )
}
