import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { isPlainObject, parseJsonText } from './corrupt-data'
import { processIsAlive } from './durable-files'
import { MAGIC, decodeFrames, type DecodedFrame } from './journal-frame'
import { OWNER_FILE, type Segment } from './journal-writer'

/** Journal sessions open in this process (a store may be closed and reopened in one process). */
export const liveSessions = new Set<string>()

export interface RecoveryReport {
  segments: Segment[]
  /** Files that are not journal segments this release can read; left in place. */
  unreadable: Array<{ file: string; reason: string }>
  /** Bytes of cut-off last batches dropped (never acknowledged). */
  tornBytes: number
}

/**
 * Finds the journal sessions of processes that are gone (a crash, a kill) and hands each intact
 * frame of their segments to `onFrame`, oldest session first. A session of a running process
 * (another Bridgebench on the same folder) is left to its owner. Returns the segments, sealed,
 * to be materialised and removed. (Should the system reuse a dead owner's pid for another
 * running process, its session waits until that process ends; nothing is lost meanwhile.)
 */
export async function recoverJournal(
  journalFolder: string,
  onFrame: (frame: DecodedFrame, segment: Segment) => void,
  isAlive: (pid: number) => boolean = processIsAlive,
): Promise<RecoveryReport> {
  const report: RecoveryReport = { segments: [], unreadable: [], tornBytes: 0 }
  for (const name of (await listOrEmpty(journalFolder)).sort()) {
    const session = path.join(journalFolder, name)
    if (liveSessions.has(session)) continue
    const owner = await ownerPid(session)
    if (owner !== undefined && owner !== process.pid && isAlive(owner)) continue
    const segmentNames = (await listOrEmpty(session)).filter((n) => n.endsWith('.log')).sort()
    for (const segmentName of segmentNames) {
      const file = path.join(session, segmentName)
      const bytes = await readFile(file)
      if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
        report.unreadable.push({ file, reason: 'not a journal segment this release can read' })
        continue
      }
      const { frames, end, torn } = decodeFrames(bytes.subarray(MAGIC.length), MAGIC.length)
      if (torn) report.tornBytes += bytes.length - end
      const segment: Segment = { path: file, session, end, applied: MAGIC.length, sealed: true }
      for (const frame of frames) onFrame(frame, segment)
      report.segments.push(segment)
    }
  }
  return report
}

async function ownerPid(session: string): Promise<number | undefined> {
  try {
    const parsed = parseJsonText(await readFile(path.join(session, OWNER_FILE), 'utf8'))
    const pid = parsed.ok && isPlainObject(parsed.value) ? parsed.value.pid : undefined
    return typeof pid === 'number' && Number.isInteger(pid) ? pid : undefined
  } catch {
    return undefined
  }
}

async function listOrEmpty(folder: string): Promise<string[]> {
  try {
    return await readdir(folder)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return []
    throw error
  }
}
