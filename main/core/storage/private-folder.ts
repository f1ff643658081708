import fs from 'node:fs'
import path from 'node:path'
import { PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE } from './durable-files'

/** POSIX modes only: Windows folders under the user's profile are private through their ACLs. */
const POSIX = process.platform !== 'win32'

/** Creates a folder (and missing parents) as 0700, and tightens it if it exists looser. */
export function ensurePrivateFolderSync(folder: string): void {
  fs.mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE })
  if (POSIX && (fs.statSync(folder).mode & 0o077) !== 0) fs.chmodSync(folder, PRIVATE_FOLDER_MODE)
}

/**
 * Makes everything under a data folder private: folders 0700, files 0600. Older releases wrote
 * some with the default umask (755/644). Symlinks are not followed. Returns the paths changed.
 */
export function tightenPermissionsSync(root: string): string[] {
  if (!POSIX) return []
  const changed: string[] = []
  const visit = (entry: string, stats: fs.Stats): void => {
    const want = stats.isDirectory() ? PRIVATE_FOLDER_MODE : PRIVATE_FILE_MODE
    if ((stats.mode & 0o777 & ~want) !== 0) {
      fs.chmodSync(entry, want)
      changed.push(entry)
    }
    if (!stats.isDirectory()) return
    for (const name of fs.readdirSync(entry)) {
      const child = path.join(entry, name)
      const childStats = lstatIfPresent(child)
      if (childStats && (childStats.isDirectory() || childStats.isFile())) visit(child, childStats)
    }
  }
  const rootStats = lstatIfPresent(root)
  if (rootStats?.isDirectory()) visit(root, rootStats)
  return changed
}

/** A file may vanish between listing and stat (a sweep, another writer). */
function lstatIfPresent(entry: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(entry)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}
