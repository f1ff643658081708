import { open, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { PRIVATE_FILE_MODE, fsyncFolder, tempPathFor } from './durable-files'
import { decodeFrames, type DecodedFrame } from './journal-frame'
import { retireSession, type Segment } from './journal-writer'
import type { FileStamp } from './record-snapshot'
import { prettyRecordFile } from './record-codec'

/** The latest committed operation on a record that is not yet durable as its own file. */
export interface PendingOp {
  segment: Segment
  offset: number
  length: number
  deleted: boolean
}

const CHUNK_BYTES = 256 << 10

export interface MaterializerPacing {
  /** Start once no put has committed, or been waiting to, for this long… */
  idleMs: number
  /** …or at once when this many journal bytes wait (the journal is durable; files may lag). */
  maxBacklogBytes: number
}

/**
 * Turns committed journal frames into one file per record, in the background: each chunk of
 * frames becomes temp files (written and fdatasynced a few at a time), renamed into place, one
 * folder fsync; a delete unlinks. Only then does the segment count as applied, and a segment
 * that is sealed and fully applied is removed, strictly in order, so a crash at any point
 * replays from a journal that still holds everything not yet durable as files.
 *
 * A frame superseded by a later committed operation on the same record is skipped: the later
 * one is in the journal and will be applied, so a record saved three times, or saved and then
 * dropped by retention, is written once or never.
 *
 * Each file costs an fdatasync, which competes with the journal's own: so while puts keep
 * arriving it waits (the journal already holds them durably), and works when the store has
 * been idle for a moment, when the backlog passes a bound, or when asked to `drain`.
 */
export class Materializer {
  private running: Promise<void> | undefined
  private stopped = false
  private draining = 0
  private failure: Error | undefined
  private busy = false
  private idleTimer: NodeJS.Timeout | undefined

  constructor(
    private readonly folder: string,
    private readonly segments: Segment[],
    private readonly pending: Map<string, PendingOp>,
    private readonly fileOf: (id: string) => string,
    /** The writing session's folder: it is removed by the store at close, not here. */
    private readonly ownSession: string,
    /** A run failed (the error), or succeeded after one had (undefined). */
    private readonly onError: (error: unknown) => void,
    /** A record's file was written (with its stamp) or removed (undefined). */
    private readonly onFile: (id: string, stamp: FileStamp | undefined) => void,
    /**
     * The journal has puts waiting or a commit in flight. An fdatasync on a busy disk can take
     * longer than the idle pause, and the store is not idle while one runs.
     */
    private readonly journalBusy: () => boolean,
    private readonly pacing: MaterializerPacing = { idleMs: 50, maxBacklogBytes: 64 << 20 },
    private readonly concurrency = 2,
  ) {}

  /** A batch of puts has just been committed. */
  noteCommit(): void {
    this.busy = true
    if (this.backlogBytes() >= this.pacing.maxBacklogBytes) {
      this.kick()
      return
    }
    if (this.idleTimer) this.idleTimer.refresh()
    else {
      this.idleTimer = setTimeout(() => {
        if (this.journalBusy()) {
          this.idleTimer?.refresh()
          return
        }
        this.busy = false
        this.kick()
      }, this.pacing.idleMs)
      this.idleTimer.unref()
    }
  }

  kick(): void {
    if (this.running || this.stopped || !this.hasWork()) return
    this.running = this.run()
      .then(() => {
        if (this.failure) this.onError(undefined)
        this.failure = undefined
      })
      .catch((error: unknown) => {
        this.failure = error instanceof Error ? error : new Error(String(error))
        this.onError(error)
      })
      .finally(() => {
        this.running = undefined
      })
  }

  /**
   * Resolves when everything committed so far is durable as files; rejects with the error that
   * stopped the work (a full disk…), which stays in the journal and is retried later.
   */
  async drain(): Promise<void> {
    this.draining += 1
    try {
      for (;;) {
        this.kick()
        if (!this.running) return
        await this.running
        if (this.failure !== undefined) throw this.failure
        if (!this.hasWork()) return
      }
    } finally {
      this.draining -= 1
    }
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.idleTimer)
    await this.running
  }

  hasWork(): boolean {
    const first = this.segments[0]
    return first !== undefined && (first.applied < first.end || first.sealed)
  }

  private backlogBytes(): number {
    return this.segments.reduce((sum, s) => sum + (s.end - s.applied), 0)
  }

  /** Puts are arriving and nothing forces the pace: leave the disk to the journal. */
  private shouldYield(): boolean {
    return this.busy && this.draining === 0 && this.backlogBytes() < this.pacing.maxBacklogBytes
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const segment = this.segments[0]
      if (!segment) return
      if (segment.applied < segment.end) {
        if (this.shouldYield()) return
        await this.applyChunk(segment)
        continue
      }
      if (!segment.sealed) return
      await this.removeFirst()
    }
  }

  /** Removes the leading segments already sealed and fully applied (at close, after stop). */
  async removeApplied(): Promise<void> {
    for (;;) {
      const first = this.segments[0]
      if (!first?.sealed || first.applied < first.end) return
      await this.removeFirst()
    }
  }

  private async removeFirst(): Promise<void> {
    const segment = this.segments.shift()
    if (!segment) return
    await rm(segment.path, { force: true })
    const sessionDone = this.segments[0]?.session !== segment.session
    if (sessionDone && segment.session !== this.ownSession) await retireSession(segment.session)
  }

  private async applyChunk(segment: Segment): Promise<void> {
    const { frames, end } = await readFrames(segment)
    const latest = new Map<string, DecodedFrame>()
    for (const frame of frames) latest.set(frame.op.id, frame)
    const due = [...latest.values()].filter((frame) => {
      const op = this.pending.get(frame.op.id)
      return op !== undefined && op.segment === segment && op.offset === frame.offset
    })
    const puts = due.filter((f) => f.op.kind === 'put')
    const temps = new Map<string, { temp: string; stamp: FileStamp }>()
    await eachLimited(puts, this.concurrency, async (frame) => {
      if (frame.op.kind !== 'put') return
      const file = this.fileOf(frame.op.id)
      temps.set(frame.op.id, await writeTemp(file, prettyRecordFile(frame.op.content)))
    })
    for (const frame of due) {
      const written = temps.get(frame.op.id)
      if (written) await rename(written.temp, this.fileOf(frame.op.id))
      else await rm(this.fileOf(frame.op.id), { force: true })
      this.onFile(frame.op.id, written?.stamp)
    }
    if (due.length > 0) await fsyncFolder(this.folder)
    segment.applied = end
    for (const frame of due) {
      const op = this.pending.get(frame.op.id)
      if (op?.segment === segment && op.offset === frame.offset) this.pending.delete(frame.op.id)
    }
  }
}

/** Reads the next committed frames of a segment (at least one, however large it is). */
async function readFrames(segment: Segment): Promise<{ frames: DecodedFrame[]; end: number }> {
  let want = Math.min(segment.end - segment.applied, CHUNK_BYTES)
  for (;;) {
    const bytes = await readSlice(segment.path, segment.applied, want)
    const { frames, end } = decodeFrames(bytes, segment.applied)
    if (frames.length > 0) return { frames, end }
    const frameLength = bytes.length >= 8 ? bytes.readUInt32LE(0) + 8 : 0
    if (frameLength <= want || segment.applied + frameLength > segment.end) {
      throw new Error(
        `${segment.path} is damaged at byte ${segment.applied}: its records stay in the journal.`,
      )
    }
    want = frameLength
  }
}

/** `length` bytes of a file from `offset` (fewer if the file is shorter). */
export async function readSlice(file: string, offset: number, length: number): Promise<Buffer> {
  const handle = await open(file, 'r')
  try {
    const buffer = Buffer.allocUnsafe(length)
    const { bytesRead } = await handle.read(buffer, 0, length, offset)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** A private temp file with the content, on disk; its stamp (a rename keeps it). */
async function writeTemp(
  file: string,
  content: string,
): Promise<{ temp: string; stamp: FileStamp }> {
  const temp = tempPathFor(file)
  const handle = await open(temp, 'w', PRIVATE_FILE_MODE)
  try {
    await handle.writeFile(content)
    await handle.datasync()
    const { size, mtimeMs, ino } = await handle.stat()
    return { temp, stamp: { size, mtimeMs, ino } }
  } finally {
    await handle.close()
  }
}

async function eachLimited<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

/** The folder a store's own files live in (for the record file of an id). */
export function recordFileIn(folder: string): (id: string) => string {
  return (id) => path.join(folder, `${id}.json`)
}
