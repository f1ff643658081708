import type { BatchRow, ComposeBatchEvent, ComposeBatchOutput } from '../contract/compose'

/**
 * Folds compose.renderBatch's events into the whole batch, calling `onProgress` with each
 * `progress` event (done and total users). Throws when the stream ends without its `result`,
 * which only a server stopped mid-batch would do.
 */
export async function collectBatch(
  events: AsyncIterable<ComposeBatchEvent>,
  onProgress?: (done: number, total: number) => void,
): Promise<ComposeBatchOutput> {
  const rows: BatchRow[] = []
  for await (const event of events) {
    if (event.type === 'progress') onProgress?.(event.done, event.total)
    else if (event.type === 'rows') for (const row of event.rows) rows.push(row)
    else {
      const { type: _type, ...summary } = event
      return { ...summary, rows }
    }
  }
  throw new Error(
    `The batch ended after ${rows.length.toLocaleString('en-US')} rows without its result: the app stopped while rendering. Run the batch again.`,
  )
}
