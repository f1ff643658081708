import { mkdir, open, rm, rmdir, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import {
  PRIVATE_FILE_MODE,
  PRIVATE_FOLDER_MODE,
  fsyncFolder,
  writeFileDurably,
} from './durable-files'
import { MAGIC } from './journal-frame'

/**
 * One journal segment file and how far it is committed (fsynced) and applied (materialised as
 * record files). Segments are applied and removed strictly in order.
 */
export interface Segment {
  path: string
  /** The session folder the segment belongs to. */
  session: string
  /** Offset just past the last fsynced frame. */
  end: number
  /** Offset up to which its operations are durable as record files. */
  applied: number
  /** No more frames will be appended (rotated, recovered, or after a write error). */
  sealed: boolean
}

/** Where a committed frame is: enough to read it back before it is materialised. */
export interface FramePosition {
  segment: Segment
  offset: number
  length: number
}

interface Waiting {
  frame: Buffer
  committed: (at: FramePosition) => void
  resolve: () => void
  reject: (error: unknown) => void
}

export const OWNER_FILE = 'owner.json'

/**
 * Appends frames to this process's journal session with group commit: every frame queued
 * while one write + fdatasync is in flight goes into the next single write + fdatasync, so
 * concurrent puts share one disk flush. `append` resolves only after its frame is on disk.
 */
export class JournalWriter {
  private readonly waiting: Waiting[] = []
  private draining = false
  private current: { segment: Segment; handle: FileHandle } | undefined
  private sequence = 0
  private sessionReady = false
  private closed = false
  /** Batch sizes of the last commits, for measurements. */
  readonly batchSizes: number[] = []

  constructor(
    readonly session: string,
    /** The store's segment queue, shared with the materialiser. */
    private readonly segments: Segment[],
    private readonly segmentBytes: number,
    private readonly onCommit: () => void,
  ) {}

  append(frame: Buffer, committed: (at: FramePosition) => void): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The record store is closed.'))
    return new Promise((resolve, reject) => {
      this.waiting.push({ frame, committed, resolve, reject })
      if (this.draining) return
      // Starting the commit on the next turn lets the puts of requests that arrived together
      // (their events run in one turn) share its fsync, instead of the first going alone.
      this.draining = true
      setImmediate(() => void this.drain())
    })
  }

  /** Puts are waiting or being committed (a commit can outlast the store's idle pause). */
  get busy(): boolean {
    return this.draining
  }

  /** Resolves once every frame appended so far is committed (or failed). */
  async settle(): Promise<void> {
    while (this.draining) await new Promise((resolve) => setImmediate(resolve))
  }

  async close(): Promise<void> {
    await this.settle()
    this.closed = true
    await this.current?.handle.close()
    if (this.current) this.current.segment.sealed = true
    this.current = undefined
  }

  private async drain(): Promise<void> {
    this.draining = true
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0)
        try {
          await this.commit(batch)
        } catch (error) {
          await this.abandonSegment()
          for (const waiting of batch) waiting.reject(error)
        }
      }
    } finally {
      this.draining = false
    }
  }

  private async commit(batch: Waiting[]): Promise<void> {
    const { segment, handle } = await this.segmentForWrite()
    // One buffer, one write: a batch may hold more frames than writev takes (IOV_MAX).
    const bytes = Buffer.concat(batch.map((w) => w.frame))
    const { bytesWritten } = await handle.write(bytes)
    if (bytesWritten !== bytes.length) throw new Error(`Short write to ${segment.path}.`)
    await handle.datasync()
    let offset = segment.end
    segment.end += bytes.length
    this.batchSizes.push(batch.length)
    if (this.batchSizes.length > 1000) this.batchSizes.splice(0, 500)
    for (const waiting of batch) {
      waiting.committed({ segment, offset, length: waiting.frame.length })
      offset += waiting.frame.length
    }
    for (const waiting of batch) waiting.resolve()
    this.onCommit()
    if (segment.end >= this.segmentBytes) await this.seal()
  }

  private async segmentForWrite(): Promise<{ segment: Segment; handle: FileHandle }> {
    if (this.current) return this.current
    if (!this.sessionReady) {
      await mkdir(this.session, { recursive: true, mode: PRIVATE_FOLDER_MODE })
      await writeFileDurably(
        path.join(this.session, OWNER_FILE),
        `${JSON.stringify({ pid: process.pid })}\n`,
      )
      await fsyncFolder(path.dirname(this.session))
      this.sessionReady = true
    }
    this.sequence += 1
    const file = path.join(this.session, `${String(this.sequence).padStart(6, '0')}.log`)
    const handle = await open(file, 'a', PRIVATE_FILE_MODE)
    await handle.write(MAGIC)
    await handle.datasync()
    // The new segment's name must be durable before anything in it is acknowledged.
    await fsyncFolder(this.session)
    const segment: Segment = {
      path: file,
      session: this.session,
      end: MAGIC.length,
      applied: MAGIC.length,
      sealed: false,
    }
    this.segments.push(segment)
    this.current = { segment, handle }
    return this.current
  }

  private async seal(): Promise<void> {
    const current = this.current
    this.current = undefined
    if (!current) return
    current.segment.sealed = true
    await current.handle.close()
    this.onCommit()
  }

  /**
   * After a failed write the segment may end in a partial frame; later frames appended after
   * it could not be read back. Cut it back to its last committed frame and start a new one.
   */
  private async abandonSegment(): Promise<void> {
    const current = this.current
    this.current = undefined
    if (!current) return
    current.segment.sealed = true
    await current.handle.truncate(current.segment.end).catch(() => undefined)
    await current.handle.close().catch(() => undefined)
  }
}

/**
 * Removes a session folder once its segments are applied and removed. A file still in it (a
 * segment this release could not read) keeps the folder, and is reported again at next open.
 */
export async function retireSession(session: string): Promise<void> {
  await rm(path.join(session, OWNER_FILE), { force: true })
  try {
    await rmdir(session)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOENT') throw error
  }
  await fsyncFolder(path.dirname(session))
}
