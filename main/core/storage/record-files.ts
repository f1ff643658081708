import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { ULID_PATTERN } from '../../../shared/contract/ids'
import type { RecordCodec } from './record-codec'

const RECORD_FILE = new RegExp(`^(${ULID_PATTERN.source.slice(1, -1)})\\.json$`)

/** A file the store did not load, and why; it is kept as it is and never overwritten. */
export interface StoreWarning {
  file: string
  reason: string
}

export interface LoadedRecord<T> {
  id: string
  record: T
}

/**
 * Reads every record file (`<ULID>.json`) of a folder, a few at a time. Other names (the
 * journal, a README) are not records and are left alone; a file that is not a valid record of
 * a version this release reads is reported, not loaded.
 */
export async function loadRecordFiles<T extends { id: string }>(
  folder: string,
  codec: RecordCodec<T>,
  onRecord: (loaded: LoadedRecord<T>) => void,
  concurrency = 32,
): Promise<StoreWarning[]> {
  const ids = (await readdir(folder))
    .map((name) => RECORD_FILE.exec(name)?.[1])
    .filter((id): id is string => id !== undefined)
  const warnings: StoreWarning[] = []
  let next = 0
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++] as string
      const file = path.join(folder, `${id}.json`)
      let bytes: Buffer
      try {
        bytes = await readFile(file)
      } catch (error) {
        // Removed while listing (another process's retention): not a problem.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
        throw error
      }
      const decoded = codec.decode(bytes, file, id)
      if (decoded.ok) onRecord({ id, record: decoded.record })
      else warnings.push({ file, reason: decoded.reason })
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker))
  return warnings
}
