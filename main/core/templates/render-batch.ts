import { randomInt } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { z } from 'zod'
import type { ComposeBatchOutput, composeBatchInput } from '../../../shared/contract/compose'
import type { SampleUserEntry } from '../../../shared/contract/users'
import type { UserLibrary } from '../users/user-library'
import { elapsed } from './render-preview'
import { renderOptions } from './render-request'
import type { TemplateRenderer } from './template-renderer'

export type BatchInput = z.output<typeof composeBatchInput>

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
  const rows = await renderer.renderRows(renderOptions(input), entries, { signal: call.signal })
  const totals = { users: rows.length, failing: 0, aborted: 0, error: 0, warning: 0, info: 0 }
  for (const r of rows) {
    if (!r.ok) totals.failing++
    if (r.aborted !== null) totals.aborted++
    totals.error += r.counts.error
    totals.warning += r.counts.warning
    totals.info += r.counts.info
  }
  return { rows, totals, seed, durationMs: elapsed(started) }
}
