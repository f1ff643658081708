import path from 'node:path'
import { recordUlidFactory } from '../storage/record-ulid'
import {
  exchange as exchangeSchema,
  type Exchange,
  type ExchangeKind,
  type ExchangeSummaryView,
} from '../../../shared/contract/exchanges'
import { RecordStore, type ListPage, type StoreWarning } from '../storage/record-store'
import { EXCHANGE_MIGRATIONS } from './exchange-migrations'

/** What the index keeps of an exchange: enough to list, filter and reconcile without a read. */
export type ExchangeSummary = Omit<ExchangeSummaryView, 'id'>

export interface ExchangeQuery {
  kind?: ExchangeKind
  profileId?: string
  /** A capture's forwards (and replays): `correlation.captureId`. */
  captureId?: string
  state?: Exchange['state']
  /** Cursor: the `nextCursor` of the previous page. */
  before?: string
  limit?: number
}

export interface ExchangeStoreOptions {
  now?: () => Date
  /** Oldest exchanges beyond these are removed (defaults: 10,000 exchanges, 180 days). */
  retention?: { maxCount?: number; maxAgeMs?: number }
}

const DEFAULT_RETENTION = { maxCount: 10_000, maxAgeMs: 180 * 24 * 3600 * 1000 }

export const INTERRUPTED_MESSAGE =
  'No answer recorded (interrupted): Bridgebench stopped while this request was in flight. It may still have reached the server; check there before sending again.'

/**
 * Exchanges (one outbound send with every attempt) in `<data folder>/exchanges/`, one file
 * each, on the durable record store. A send saves its exchange `pending` before the request
 * leaves and again as attempts complete; `save` of an existing id replaces it. An exchange
 * still pending when the store opens was cut off by a crash: it is completed then as
 * "no answer recorded (interrupted)".
 *
 * The store opens in the background; `ready()` (or any call) waits for it.
 */
export class ExchangeStore {
  private readonly nextId = recordUlidFactory()
  private readonly opening: Promise<RecordStore<Exchange, ExchangeSummary>>
  private interrupted = 0

  constructor(dataFolder: string, options: ExchangeStoreOptions = {}) {
    this.opening = RecordStore.open({
      folder: path.join(dataFolder, 'exchanges'),
      noun: 'exchange',
      schema: exchangeSchema,
      migrations: EXCHANGE_MIGRATIONS,
      summarize,
      // 2: summaries carry the capture a forward sent on and its outcome.
      summaryVersion: 2,
      retention: options.retention ?? DEFAULT_RETENTION,
      now: options.now,
    }).then(async (store) => {
      this.interrupted = await completeInterrupted(store)
      return store
    })
    // Reported by the first call that needs the store (or by ready()).
    this.opening.catch(() => undefined)
  }

  static async open(dataFolder: string, options: ExchangeStoreOptions = {}) {
    const store = new ExchangeStore(dataFolder, options)
    await store.ready()
    return store
  }

  /** Resolves once the folder is loaded and crash leftovers are dealt with. */
  async ready(): Promise<void> {
    await this.opening
  }

  /** How many sends a crash had cut off, found at open. */
  get interruptedAtOpen(): number {
    return this.interrupted
  }

  newId(now: Date): string {
    return this.nextId(now.getTime())
  }

  /** Stores or replaces an exchange; resolves once it is on disk. */
  async save(record: Exchange): Promise<void> {
    await (await this.opening).put(record)
  }

  async get(id: string): Promise<Exchange | undefined> {
    return (await this.opening).get(id)
  }

  /** Newest first, from the index. */
  async list(query: ExchangeQuery = {}): Promise<ListPage<ExchangeSummary>> {
    const { kind, profileId, captureId, state, before, limit } = query
    return (await this.opening).list({
      before,
      limit,
      filter: (s) =>
        (!kind || s.kind === kind) &&
        (!profileId || s.profileId === profileId) &&
        (!captureId || s.captureId === captureId) &&
        (!state || s.state === state),
    })
  }

  async remove(id: string): Promise<void> {
    await (await this.opening).delete(id)
  }

  /** Exchange files that could not be read (kept as they are), for the UI to show. */
  async warnings(): Promise<StoreWarning[]> {
    return (await this.opening).warnings()
  }

  /** Resolves once every exchange saved so far is durable as its own file. */
  async flush(): Promise<void> {
    await (await this.opening).flush()
  }

  async close(): Promise<void> {
    const store = await this.opening.catch(() => undefined)
    await store?.close()
  }
}

function summarize(record: Exchange): ExchangeSummary {
  const last = record.attempts.at(-1)
  return {
    kind: record.kind,
    state: record.state,
    profileId: record.profileId,
    startedAt: record.startedAt,
    attempts: record.attempts.length,
    status: last?.response?.status ?? null,
    ticketId: ticketIdOf(record),
    captureId: record.correlation.captureId ?? null,
    outcome: record.forward?.outcome?.state ?? null,
    message: record.forward?.outcome?.message ?? null,
  }
}

/** From the correlation the sender records, or else from Zendesk's answer (`ticket.id`). */
function ticketIdOf(record: Exchange): number | null {
  const fromCorrelation = Number(record.correlation.ticketId)
  if (Number.isSafeInteger(fromCorrelation) && fromCorrelation > 0) return fromCorrelation
  const body = record.attempts.at(-1)?.response?.body
  if (record.kind !== 'zendesk-ticket-create' || body?.encoding !== 'utf8') return null
  try {
    const id = (JSON.parse(body.data) as { ticket?: { id?: unknown } }).ticket?.id
    return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null
  } catch {
    return null
  }
}

/** Completes every exchange a crash left pending; returns how many there were. */
async function completeInterrupted(store: RecordStore<Exchange, ExchangeSummary>): Promise<number> {
  let count = 0
  let before: string | undefined
  for (;;) {
    const page = store.list({ before, limit: 500, filter: (s) => s.state === 'pending' })
    for (const { id } of page.items) {
      const record = await store.get(id)
      if (!record) continue
      const last = record.attempts.at(-1)
      if (last?.state === 'pending') {
        last.state = 'failed'
        last.error = { reason: 'interrupted', message: INTERRUPTED_MESSAGE }
      }
      await store.put({ ...record, state: 'done' })
      count += 1
    }
    if (!page.nextCursor) return count
    before = page.nextCursor
  }
}
