import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { ULID_PATTERN } from '../../../shared/contract/ids'
import { decodeFrames } from './journal-frame'
import { readSlice, type PendingOp } from './materializer'
import type { RecordCodec } from './record-codec'
import { sameStamp, type FileStamp, type SnapshotEntry } from './record-snapshot'

const RECORD_FILE = new RegExp(`^(${ULID_PATTERN.source.slice(1, -1)})\\.json$`)

/** A file the store did not load, and why; it is kept as it is and never overwritten. */
export interface StoreWarning {
  file: string
  reason: string
}

export interface LoadedFiles<S> {
  summaries: Array<[string, S]>
  stamps: Map<string, FileStamp>
  /** By record id. */
  unreadable: Map<string, StoreWarning>
  /** How many files had to be read (not found unchanged in the snapshot). */
  read: number
}

/**
 * Loads the index from every record file (`<ULID>.json`) of a folder, a few at a time: a file
 * that the snapshot knows with the same size, mtime and inode gives its summary from there;
 * any other is read, migrated and checked. Other names (the journal, the snapshot, a README)
 * are not records and are left alone; a file that is not a valid record of a version this
 * release reads is reported, not loaded.
 */
export async function loadRecordFiles<T extends { id: string }, S>(
  folder: string,
  codec: RecordCodec<T>,
  summarize: (record: T) => S,
  snapshot: Map<string, SnapshotEntry<S>> | undefined,
  concurrency = 32,
): Promise<LoadedFiles<S>> {
  const ids = (await readdir(folder))
    .map((name) => RECORD_FILE.exec(name)?.[1])
    .filter((id): id is string => id !== undefined)
  const loaded: LoadedFiles<S> = {
    summaries: [],
    stamps: new Map(),
    unreadable: new Map(),
    read: 0,
  }
  const loadOne = async (id: string) => {
    const file = path.join(folder, `${id}.json`)
    const stats = await stat(file)
    const stamp = { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino }
    const known = snapshot?.get(id)
    if (known && sameStamp(known.stamp, stamp)) {
      loaded.summaries.push([id, known.summary])
      loaded.stamps.set(id, stamp)
      return
    }
    loaded.read += 1
    const decoded = codec.decode(await readFile(file), file, id)
    if (!decoded.ok) {
      loaded.unreadable.set(id, { file, reason: decoded.reason })
      return
    }
    loaded.summaries.push([id, summarize(decoded.record)])
    loaded.stamps.set(id, stamp)
  }
  let next = 0
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++] as string
      try {
        await loadOne(id)
      } catch (error) {
        // Removed while listing (another process's retention): not a problem.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker))
  return loaded
}

/** A record from its file; undefined when there is no file. */
export async function readRecordFile<T extends { id: string }>(
  file: string,
  codec: RecordCodec<T>,
  id: string,
): Promise<T | undefined> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  const decoded = codec.decode(bytes, file, id)
  if (!decoded.ok) throw new Error(`${file} could not be read: ${decoded.reason}.`)
  return decoded.record
}

/**
 * A record not yet materialised, read back from its journal frame; undefined when the segment
 * was applied and removed meanwhile (the record is in its file now).
 */
export async function readJournalRecord<T extends { id: string }>(
  op: PendingOp,
  codec: RecordCodec<T>,
  id: string,
): Promise<T | undefined> {
  let bytes: Buffer
  try {
    bytes = await readSlice(op.segment.path, op.offset, op.length)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  const frame = decodeFrames(bytes, op.offset).frames[0]
  if (frame?.op.kind !== 'put') return undefined
  const decoded = codec.decode(frame.op.content, op.segment.path, id)
  return decoded.ok ? decoded.record : undefined
}
