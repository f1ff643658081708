import path from 'node:path'
import type { z } from 'zod'
import { sweepTempFiles } from './durable-files'
import { DELETE_FRAME_BYTES, encodeDeletes, encodePut, type DecodedFrame } from './journal-frame'
import { liveSessions, recoverJournal } from './journal-recovery'
import { JournalWriter, retireSession, type FramePosition, type Segment } from './journal-writer'
import { Materializer, recordFileIn, type PendingOp } from './materializer'
import { ensurePrivateFolderSync } from './private-folder'
import { RecordCodec } from './record-codec'
import { checkedRecordId } from './record-id'
import {
  loadRecordFiles,
  readJournalRecord,
  readRecordFile,
  type StoreWarning,
} from './record-files'
import { RecordIndex, type ListPage, type ListQuery, type Retention } from './record-index'
import { readSnapshot, writeSnapshot, type FileStamp } from './record-snapshot'
import { recordUlidFactory } from './record-ulid'
import type { Migration } from './settings-migrations'

export type { ListPage, ListQuery, Retention } from './record-index'
export type { StoreWarning } from './record-files'
export { InvalidRecordIdError } from './record-id'

export interface RecordStoreOptions<T extends { id: string }, S> {
  /** The store's own folder: `<ULID>.json` files, the `journal/` folder, `index.json`. */
  folder: string
  /** What one record is called in messages ("exchange", "capture"). */
  noun: string
  schema: z.ZodType<T>
  /** Steps from older record files to the current shape; the highest `to` is the version written. */
  migrations: Migration[]
  /** What the index keeps of each record, for `list` (keep it small). */
  summarize: (record: T) => S
  /** Bump when `summarize` changes, so summaries saved by an older release are not reused. */
  summaryVersion?: number
  retention?: Retention
  /**
   * Check each put against the schema (the default). A store whose records are all built by
   * typed code may skip it: every record is still checked when it is read back, and one that
   * does not fit is reported and kept on disk as it is.
   */
  checkPuts?: boolean
  /** Told the ids retention removed (each batch once it is decided, before it is on disk). */
  onDropped?: (ids: string[]) => void
  now?: () => Date
  /** A journal segment is sealed (and removed once applied) after this many bytes. */
  segmentBytes?: number
}

/**
 * Records of one kind, one pretty JSON file each (`<ULID>.json`, 0600, in a 0700 folder).
 *
 * `put` is durable when it resolves: the record is appended to a journal segment, and puts that
 * arrive while a write + fdatasync is in flight share the next one (group commit), so many
 * concurrent puts cost one disk flush. In the background each record then becomes its own file
 * (see Materializer) and the segment is removed; at open, a journal left by a crash is replayed
 * (a cut-off last batch, never acknowledged, is dropped by its checksum).
 *
 * The index of summaries is built once at open (from a snapshot checked against every file's
 * stamp, or by reading the files) and kept current, so `list` never reads a file. A file that
 * is corrupt or from a newer release is skipped with a warning and never overwritten. Ids are
 * checked against the ULID pattern before any path is built. `put` of an existing id replaces
 * the record (its owner's updates).
 */
export class RecordStore<T extends { id: string }, S> {
  private readonly index = new RecordIndex<S>()
  private readonly pending = new Map<string, PendingOp>()
  private readonly segments: Segment[] = []
  private stamps = new Map<string, FileStamp>()
  private readonly unreadable = new Map<string, StoreWarning>()
  /** Dropped by retention, their removal not yet committed: already gone for readers. */
  private readonly dropping = new Set<string>()
  private problems: StoreWarning[] = []
  private readonly codec: RecordCodec<T>
  private readonly now: () => Date
  private readonly nextId = recordUlidFactory()
  private readonly fileOf: (id: string) => string
  private readonly writer: JournalWriter
  private readonly materializer: Materializer
  private retention: Retention | undefined
  private retentionDue = false
  private closed = false
  /** At open: record files found, and how many had to be read (not known from the snapshot). */
  readonly opened = { files: 0, read: 0 }

  private constructor(private readonly options: RecordStoreOptions<T, S>) {
    this.codec = new RecordCodec(options.schema, options.migrations)
    this.retention = options.retention
    this.now = options.now ?? (() => new Date())
    this.fileOf = recordFileIn(options.folder)
    const session = path.join(options.folder, 'journal', this.nextId(this.now().getTime()))
    this.writer = new JournalWriter(session, this.segments, options.segmentBytes ?? 16 << 20, () =>
      this.committed(),
    )
    this.materializer = new Materializer(
      options.folder,
      this.segments,
      this.pending,
      this.fileOf,
      session,
      (error) => this.materializing(error),
      (id, stamp) => (stamp ? this.stamps.set(id, stamp) : this.stamps.delete(id)),
      () => this.writer.busy,
    )
  }

  /** Opens (creating it, private) the store's folder: sweeps temp files, loads, replays. */
  static async open<T extends { id: string }, S>(
    options: RecordStoreOptions<T, S>,
  ): Promise<RecordStore<T, S>> {
    const store = new RecordStore(options)
    await store.load()
    return store
  }

  get folder(): string {
    return this.options.folder
  }

  get size(): number {
    return this.index.size
  }

  /** A new id for a record created at `at` (monotonic within this store). */
  newId(at: Date): string {
    return this.nextId(at.getTime())
  }

  /** Stores (or replaces) a record; resolves once it is on disk. */
  async put(record: T): Promise<void> {
    if (this.closed) throw new Error(`The ${this.options.noun} store is closed.`)
    const id = this.checkedId(record.id)
    const unreadable = this.unreadable.get(id)
    if (unreadable) {
      throw new Error(
        `${unreadable.file} could not be read (${unreadable.reason}), so it is kept as it is and not overwritten. Move it aside to reuse the id.`,
      )
    }
    const { record: valid, json } = this.codec.encode(record, this.options.checkPuts ?? true)
    const summary = this.options.summarize(valid)
    await this.writer.append(encodePut(id, json), (at) => {
      this.pending.set(id, pendingOp(at, false))
      this.index.set(id, summary)
    })
  }

  /** The record, or undefined when there is none with this id. */
  async get(rawId: string): Promise<T | undefined> {
    const id = this.checkedId(rawId)
    const unreadable = this.unreadable.get(id)
    if (unreadable) throw new Error(`${unreadable.file} could not be read: ${unreadable.reason}.`)
    const op = this.pending.get(id)
    if (op?.deleted || this.dropping.has(id)) return undefined
    const fromJournal = op ? await readJournalRecord(op, this.codec, id) : undefined
    return fromJournal ?? (await readRecordFile(this.fileOf(id), this.codec, id))
  }

  summary(id: string): S | undefined {
    return this.index.get(id)
  }

  /** Newest first, from the index (no file is read). */
  list(query: ListQuery<S> = {}): ListPage<S> {
    if (query.before !== undefined) this.checkedId(query.before)
    return this.index.list(query)
  }

  /** Removes a record; resolves once the removal is on disk. False when there was none. */
  async delete(rawId: string): Promise<boolean> {
    if (this.closed) throw new Error(`The ${this.options.noun} store is closed.`)
    const id = this.checkedId(rawId)
    const existed = this.index.has(id)
    await this.appendDeletes([id])
    return existed
  }

  /** Files that were not loaded, and store errors, for the UI to show. */
  warnings(): StoreWarning[] {
    return [...this.unreadable.values(), ...this.problems]
  }

  /** Batch sizes of recent journal commits (how many puts shared each fsync). */
  commitBatchSizes(): readonly number[] {
    return this.writer.batchSizes
  }

  /**
   * Changes how many records are kept (undefined: all) and applies it at once; the removals are
   * durable once `flush` (or the next put) resolves.
   */
  setRetention(retention: Retention | undefined): void {
    this.retention = retention
    this.applyRetention()
  }

  /** Resolves once every record put so far is durable as its own file. */
  async flush(): Promise<void> {
    await this.writer.settle()
    await this.materializer.drain()
  }

  /**
   * Stops writing and saves the index snapshot. What is not yet a file stays in the journal
   * and is replayed at next open.
   */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.writer.close()
    await this.materializer.stop()
    await this.materializer.removeApplied()
    if (!this.segments.some((s) => s.session === this.writer.session)) {
      await retireSession(this.writer.session).catch(() => undefined)
    }
    liveSessions.delete(this.writer.session)
    await writeSnapshot(this.options.folder, this.snapshotKey(), this.snapshotEntries()).catch(
      () => undefined,
    )
  }

  private async load(): Promise<void> {
    const { folder, summarize } = this.options
    ensurePrivateFolderSync(folder)
    await sweepTempFiles(folder)
    const snapshot = await readSnapshot<S>(folder, this.snapshotKey())
    const loaded = await loadRecordFiles(folder, this.codec, summarize, snapshot)
    this.index.setMany(loaded.summaries)
    this.stamps = loaded.stamps
    this.opened.files = loaded.summaries.length + loaded.unreadable.size
    this.opened.read = loaded.read
    for (const [id, warning] of loaded.unreadable) this.unreadable.set(id, warning)
    liveSessions.add(this.writer.session)
    const report = await recoverJournal(path.join(folder, 'journal'), (frame, segment) =>
      this.replay(frame, segment),
    )
    this.problems.push(...report.unreadable)
    this.segments.push(...report.segments)
    this.applyRetention()
    this.materializer.kick()
  }

  /** One operation from a crashed session's journal, newer than any file. */
  private replay({ op, offset, length }: DecodedFrame, segment: Segment): void {
    if (op.kind === 'delete') {
      this.pending.set(op.id, { segment, offset, length, deleted: true })
      this.index.delete(op.id)
      return
    }
    const where = `${segment.path} (${op.id})`
    const decoded = this.codec.decode(op.content, where, op.id)
    if (!decoded.ok) {
      this.problems.push({ file: where, reason: decoded.reason })
      return
    }
    this.unreadable.delete(op.id)
    this.pending.set(op.id, { segment, offset, length, deleted: false })
    this.index.set(op.id, this.options.summarize(decoded.record))
  }

  private committed(): void {
    this.materializer.noteCommit()
    if (this.retentionDue || !this.retention) return
    this.retentionDue = true
    queueMicrotask(() => {
      this.retentionDue = false
      this.applyRetention()
    })
  }

  private applyRetention(): void {
    if (!this.retention || this.closed) return
    const dropped = this.index.dropExpired(this.retention, this.now())
    if (dropped.length === 0) return
    this.options.onDropped?.(dropped)
    for (const id of dropped) this.dropping.add(id)
    this.appendDeletes(dropped).then(
      () => {
        for (const id of dropped) this.dropping.delete(id)
      },
      (error: unknown) => {
        for (const id of dropped) {
          this.dropping.delete(id)
          this.report(this.fileOf(id), error)
        }
      },
    )
  }

  /**
   * The removals as one journal append: at steady state every commit retires as many records
   * as it stored, and a promise and a wait in the queue for each cost as much as a put's.
   */
  private appendDeletes(ids: readonly string[]): Promise<void> {
    return this.writer.append(encodeDeletes(ids), ({ segment, offset }) => {
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i] as string
        const at = { segment, offset: offset + i * DELETE_FRAME_BYTES, length: DELETE_FRAME_BYTES }
        this.pending.set(id, pendingOp(at, true))
        this.index.delete(id)
      }
    })
  }

  /** The summaries of records whose file is current (none waiting in the journal). */
  private *snapshotEntries(): Generator<[string, S, FileStamp]> {
    for (const { id, summary } of this.index.list({ limit: Infinity }).items) {
      const stamp = this.stamps.get(id)
      if (stamp && !this.pending.has(id)) yield [id, summary, stamp]
    }
  }

  private snapshotKey(): string {
    return `records ${this.codec.version}, summaries ${this.options.summaryVersion ?? 1}`
  }

  /** The materialiser failed (it retries at the next put), or recovered (undefined). */
  private materializing(error: unknown): void {
    if (error !== undefined) this.report(this.options.folder, error)
    else this.problems = this.problems.filter((p) => p.file !== this.options.folder)
  }

  /** A background failure: kept once, bounded. */
  private report(file: string, error: unknown): void {
    const reason = messageOf(error)
    if (this.problems.some((p) => p.file === file && p.reason === reason)) return
    if (this.problems.length >= 100) this.problems.shift()
    this.problems.push({ file, reason })
  }

  private checkedId(id: unknown): string {
    return checkedRecordId(id, this.options.noun)
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * A pending op as a plain literal: V8 gave every `{ ...at, deleted }` its own hidden class,
 * about 240 bytes more per record waiting to be written as a file (2.4 MB at 10,000).
 */
function pendingOp(at: FramePosition, deleted: boolean): PendingOp {
  return { segment: at.segment, offset: at.offset, length: at.length, deleted }
}
