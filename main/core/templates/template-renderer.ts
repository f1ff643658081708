import type { BatchRow, RenderResult } from '../../../shared/contract/compose'
import type { SampleUserEntry } from '../../../shared/contract/users'
import type { BrazeLiquid, RenderInput } from '../liquid/braze-liquid'
import { ticketFieldPositions, type TicketFieldPositions } from '../zendesk/ticket-field-locator'
import { batchRows, type BatchRows } from './batch-rows'

/** A render as plain data, with what a send needs to place Zendesk's answer in the template. */
export interface LocatedRender {
  /** A plain RenderResult: lint problems already carry their positions. */
  result: RenderResult
  /** Set when asked for (sends): where each ticket field was written in the template. */
  ticketFields: TicketFieldPositions | null
}

export interface RenderCall {
  /** Work out ticketFields (a send places Zendesk's 422 details with them). */
  locateTicketFields?: boolean
  /** Stops the render when the caller goes away. */
  signal?: AbortSignal
}

export interface RowsCall {
  signal?: AbortSignal
  /** Called now and then with how many of the users are rendered (a worker reports every 100 ms). */
  onProgress?: (done: number, total: number) => void
}

/**
 * How the engine renders previews, batches and sends. Off the serving thread in the app (see
 * workers/off-thread.ts); `inThreadRenderer` does the same work on the calling thread.
 * Every render keeps to its limits (liquid/render-limits.ts) and says so as an error problem.
 */
export interface TemplateRenderer {
  render(input: RenderInput, call?: RenderCall): Promise<LocatedRender>
  /** One row per user, in order; throws when the batch as a whole runs out of time. */
  renderRows(
    input: Omit<RenderInput, 'user'>,
    entries: readonly SampleUserEntry[],
    call?: RowsCall,
  ): Promise<BatchRow[]>
}

/** How long a whole batch may take, in ms (each render also keeps to its own limits). */
export const BATCH_TIME_MS = 60_000

/** One render and, when asked, its ticket field positions: what a worker's render job does. */
export function renderLocated(
  liquid: BrazeLiquid,
  input: RenderInput,
  locateTicketFields: boolean,
): LocatedRender {
  const rendered = liquid.renderSync(input)
  const ticketFields =
    locateTicketFields && !rendered.aborted
      ? ticketFieldPositions(rendered.output, (offset) =>
          liquid.templatePositionOf(rendered, offset),
        )
      : null
  return { result: plainResult(rendered), ticketFields }
}

/** The result without its trace: what crosses a thread or the API. */
export function plainResult(result: RenderResult): RenderResult {
  return {
    output: result.output,
    aborted: result.aborted,
    problems: result.problems,
    headers: result.headers,
    connectedContent: result.connectedContent,
    messageExtras: result.messageExtras,
  }
}

/** Renders on the calling thread: for tests and tools that own no workers. */
export function inThreadRenderer(liquid: BrazeLiquid): TemplateRenderer {
  return {
    render: (input, call = {}) =>
      Promise.resolve(renderLocated(liquid, input, call.locateTicketFields ?? false)),
    renderRows: (input, entries, call = {}) =>
      Promise.resolve(
        rowsOrThrow(
          batchRows(liquid, input, entries, {
            timeMs: BATCH_TIME_MS,
            onProgress: call.onProgress,
          }),
        ),
      ),
  }
}

/** A batch stopped by its time limit is an error the caller can act on. */
export class BatchTimeLimitError extends Error {
  constructor(done: number, total: number, timeMs: number) {
    super(
      `The batch stopped after ${Math.round(timeMs / 1000)} s, its time limit, having rendered ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} users. Render a smaller set of users, or make the template faster.`,
    )
    this.name = 'BatchTimeLimitError'
  }
}

export function rowsOrThrow(batch: BatchRows): BatchRow[] {
  if (batch.stopped) throw new BatchTimeLimitError(batch.rows.length, batch.total, batch.timeMs)
  return batch.rows
}
