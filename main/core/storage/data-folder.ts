import { sweepTempFilesSync } from './durable-files'
import { ensurePrivateFolderSync, tightenPermissionsSync } from './private-folder'

/**
 * Readies a data folder before any store opens it: created private (0700); an existing one,
 * and everything in it, tightened to folders 0700 and files 0600 (older releases left some
 * 755/644); temp files a crash left at its top level removed. Returns notices to show once.
 */
export function prepareDataFolder(folder: string): string[] {
  const changed = tightenPermissionsSync(folder)
  ensurePrivateFolderSync(folder)
  sweepTempFilesSync(folder)
  return changed.length > 0
    ? [
        `Made ${changed.length} ${changed.length === 1 ? 'entry' : 'entries'} in ${folder} private to you (folders 0700, files 0600).`,
      ]
    : []
}
