import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { isPlainObject, parseJsonText } from './corrupt-data'
import { writeFileDurably } from './durable-files'

/**
 * The index as it was at the last clean close, so opening a large folder reads one file and
 * stats the others instead of reading them all. Each entry keeps its file's size, mtime and
 * inode: a file that changed since (another process, an editor, a crash after the snapshot)
 * no longer matches and is read again. Never a source of truth: without it, or with a `key`
 * from another release (the record version and the owner's summary version), every file is
 * read.
 */
export const SNAPSHOT_FILE = 'index.json'

export interface FileStamp {
  size: number
  mtimeMs: number
  ino: number
}

export interface SnapshotEntry<S> {
  summary: S
  stamp: FileStamp
}

export async function readSnapshot<S>(
  folder: string,
  key: string,
): Promise<Map<string, SnapshotEntry<S>> | undefined> {
  let text: string
  try {
    text = await readFile(path.join(folder, SNAPSHOT_FILE), 'utf8')
  } catch {
    return undefined
  }
  const parsed = parseJsonText(text)
  if (!parsed.ok || !isPlainObject(parsed.value) || parsed.value.key !== key) return undefined
  const entries = parsed.value.entries
  if (!Array.isArray(entries)) return undefined
  const snapshot = new Map<string, SnapshotEntry<S>>()
  for (const entry of entries as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 3 || typeof entry[0] !== 'string') continue
    snapshot.set(entry[0], { summary: entry[1] as S, stamp: entry[2] as FileStamp })
  }
  return snapshot
}

export async function writeSnapshot<S>(
  folder: string,
  key: string,
  entries: Iterable<[string, S, FileStamp]>,
): Promise<void> {
  await writeFileDurably(
    path.join(folder, SNAPSHOT_FILE),
    JSON.stringify({ key, entries: [...entries] }),
  )
}

export function sameStamp(a: FileStamp | undefined, b: FileStamp): boolean {
  return a !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino
}
