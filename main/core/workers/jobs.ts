import type { BatchRow } from '../../../shared/contract/compose'
import type { SampleUserEntry, UserImportFormat } from '../../../shared/contract/users'
import type { MessageDiff } from '../../../shared/contract/diffs'
import { diffMessages, type MessageDiffInput } from '../diff/message-diff'
import { createBrazeLiquid, type BrazeLiquid, type RenderInput } from '../liquid/braze-liquid'
import { batchRows, type BatchRows } from '../templates/batch-rows'
import { renderLocated, type LocatedRender } from '../templates/template-renderer'
import { importUsers, type ReadUsers } from '../users/import-users'

/**
 * The work a worker does, as messages: everything a job needs travels with it (template, users,
 * options, the engine's 'now'), and everything it gives back is plain data.
 */
export type WorkerJob =
  | { kind: 'render'; input: RenderInput; locateTicketFields: boolean }
  | {
      kind: 'render-rows'
      input: Omit<RenderInput, 'user'>
      entries: readonly SampleUserEntry[]
      timeMs: number
    }
  | { kind: 'read-users'; format: UserImportFormat; text: string; maxRows: number }
  | { kind: 'diff'; input: MessageDiffInput }

export interface JobResults {
  render: LocatedRender
  'render-rows': BatchRows
  'read-users': ReadUsers
  diff: MessageDiff
}

/** How far a job got: users rendered, rows read. */
export interface JobProgress {
  done: number
  total: number
}

export type { BatchRow }

/** What a worker keeps between jobs: its own Braze Liquid (parsed templates stay cached). */
export interface WorkerState {
  liquid: BrazeLiquid | undefined
}

export function runJob(
  job: WorkerJob,
  state: WorkerState,
  progress: (progress: JobProgress) => void,
): JobResults[WorkerJob['kind']] {
  switch (job.kind) {
    case 'render':
      return renderLocated(liquidOf(state), job.input, job.locateTicketFields)
    case 'render-rows':
      return batchRows(liquidOf(state), job.input, job.entries, {
        timeMs: job.timeMs,
        onProgress: (done, total) => progress({ done, total }),
      })
    case 'read-users':
      return importUsers(job.format, job.text, {
        maxRows: job.maxRows,
        onProgress: (done, total) => progress({ done, total }),
      })
    case 'diff':
      return diffMessages(job.input)
  }
}

function liquidOf(state: WorkerState): BrazeLiquid {
  // Every job brings its 'now', so this clock is never read.
  state.liquid ??= createBrazeLiquid()
  return state.liquid
}
