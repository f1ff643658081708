import path from 'node:path'
import { recordUlidFactory } from '../storage/record-ulid'
import {
  capture as captureSchema,
  type Capture,
  type CaptureSummary,
} from '../../../shared/contract/captures'
import type { Migration } from '../storage/settings-migrations'
import {
  RecordStore,
  type ListPage,
  type Retention,
  type StoreWarning,
} from '../storage/record-store'

/** Characters of each body kept in memory for full-text search. */
const SEARCH_TEXT_CHARS = 2_048

/** What the index keeps per capture: the list row, plus a little text to search in. */
interface IndexedCapture extends CaptureSummary {
  text: string
}

export interface CaptureQuery {
  route?: string
  method?: string
  verdict?: CaptureSummary['verdict']
  parseOk?: boolean
  invocationId?: string
  /** ISO times: only captures received at or after / before them. */
  since?: string
  until?: string
  /** Words that must all appear (case-insensitive) in the path, route or the body's start. */
  search?: string
  before?: string
  limit?: number
}

const DAY_MS = 24 * 3600 * 1000

const MIGRATIONS: Migration[] = [{ to: 1, describe: 'captures', up: (data) => data }]

/**
 * Captures in `<data folder>/captures/`, one file each, on the durable record store: a capture
 * is on disk (journal, group-committed) before the receiver answers. Listing, filters and search
 * are served from the in-memory index, so a folder of 10,000 captures opens in well under a
 * second and pages without reading a file.
 */
export class CaptureStore {
  private readonly nextId = recordUlidFactory()

  private constructor(
    private readonly store: RecordStore<Capture, IndexedCapture>,
    private readonly droppedListeners: Set<(ids: string[]) => void>,
  ) {}

  static async open(
    dataFolder: string,
    options: { now?: () => Date; retention?: Retention } = {},
  ): Promise<CaptureStore> {
    const droppedListeners = new Set<(ids: string[]) => void>()
    const store = await RecordStore.open<Capture, IndexedCapture>({
      folder: path.join(dataFolder, 'captures'),
      noun: 'capture',
      schema: captureSchema,
      migrations: MIGRATIONS,
      summarize,
      // Every capture is built by the receiver's typed code (its test checks the shapes against
      // the schema); checking each again cost 2–5 µs and 5 KB of garbage per capture on the
      // receiver's serving thread. They are checked when read back, as every record is.
      checkPuts: false,
      // 2: summaries carry the capture's latest forward.
      summaryVersion: 2,
      ...(options.now ? { now: options.now } : {}),
      ...(options.retention ? { retention: options.retention } : {}),
      onDropped: (ids) => {
        for (const listener of droppedListeners) listener(ids)
      },
    })
    return new CaptureStore(store, droppedListeners)
  }

  /**
   * Keeps the newest `maxCount` captures of at most `maxAgeDays` (the receiver's settings), the
   * older ones removed at once and as new ones arrive.
   */
  setRetention({ maxCount, maxAgeDays }: { maxCount: number; maxAgeDays: number }): void {
    this.store.setRetention({ maxCount, maxAgeMs: maxAgeDays * DAY_MS })
  }

  /** Told the ids of captures retention removed. */
  onDropped(listener: (ids: string[]) => void): () => void {
    this.droppedListeners.add(listener)
    return () => this.droppedListeners.delete(listener)
  }

  /** A new id; ULIDs sort by arrival, monotonic within the millisecond. */
  newId(at: Date): string {
    return this.nextId(at.getTime())
  }

  /** Resolves once the capture is durable (shares an fsync with concurrent captures). */
  put(capture: Capture): Promise<void> {
    return this.store.put(capture)
  }

  get(id: string): Promise<Capture | undefined> {
    return this.store.get(id)
  }

  summary(id: string): CaptureSummary | undefined {
    const indexed = this.store.summary(id)
    return indexed ? strip(indexed) : undefined
  }

  get size(): number {
    return this.store.size
  }

  /** Newest first, filtered and searched from the index. */
  list(query: CaptureQuery = {}): ListPage<CaptureSummary> {
    const words = (query.search ?? '').toLowerCase().split(/\s+/).filter(Boolean)
    const page = this.store.list({
      before: query.before,
      limit: query.limit,
      filter: (s) =>
        (!query.route || s.route === query.route) &&
        (!query.method || s.method === query.method.toUpperCase()) &&
        (!query.verdict || s.verdict === query.verdict) &&
        (query.parseOk === undefined || s.parseOk === query.parseOk) &&
        (!query.invocationId || s.invocationId === query.invocationId) &&
        (!query.since || s.receivedAt >= query.since) &&
        (!query.until || s.receivedAt < query.until) &&
        words.every((word) => s.text.includes(word)),
    })
    return {
      items: page.items.map(({ id, summary }) => ({ id, summary: strip(summary) })),
      nextCursor: page.nextCursor,
    }
  }

  /** Every summary, oldest first (rebuilding invocation state at start). */
  *all(): Generator<CaptureSummary> {
    let before: string | undefined
    const pages: Array<Array<{ id: string; summary: IndexedCapture }>> = []
    for (;;) {
      const page = this.store.list({ before, limit: 1_000 })
      pages.push(page.items)
      if (!page.nextCursor) break
      before = page.nextCursor
    }
    for (const page of pages.reverse())
      for (const item of [...page].reverse()) yield strip(item.summary)
  }

  delete(id: string): Promise<boolean> {
    return this.store.delete(id)
  }

  warnings(): StoreWarning[] {
    return this.store.warnings()
  }

  commitBatchSizes(): readonly number[] {
    return this.store.commitBatchSizes()
  }

  flush(): Promise<void> {
    return this.store.flush()
  }

  close(): Promise<void> {
    return this.store.close()
  }
}

function summarize(capture: Capture): IndexedCapture {
  const body = capture.request.body
  const bodyText = body.encoding === 'utf8' ? body.data.slice(0, SEARCH_TEXT_CHARS) : ''
  return {
    id: capture.id,
    route: capture.route,
    receivedAt: capture.receivedAt,
    method: capture.request.method,
    path: capture.request.url,
    size: body.size,
    contentType: capture.contentType,
    parseKind: capture.parse.kind,
    parseOk: capture.parse.ok,
    verdict: capture.signature.verdict,
    webhookId: capture.invocation.webhookId,
    invocationId: capture.invocation.invocationId,
    attempt: capture.invocation.attempt,
    status: capture.answer.status,
    flags: capture.flags,
    transport: capture.transport,
    forward: capture.forward ?? null,
    // Kept for every capture in the index: the body's part is lower-cased on its own, not copied
    // into a joined string first.
    text: `${capture.route} ${capture.request.url} `.toLowerCase() + bodyText.toLowerCase(),
  }
}

function strip({ text: _text, ...summary }: IndexedCapture): CaptureSummary {
  return summary
}
