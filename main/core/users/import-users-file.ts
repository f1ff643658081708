import type { UserImportFormat, UserImportSummary } from '../../../shared/contract/users'
import type { ReadUsers } from './import-users'
import type { UserLibrary } from './user-library'

export interface ImportProgress {
  /** Reading the file (in a worker), then saving the users it holds. */
  stage: 'reading' | 'saving'
  done: number
  total: number
}

export interface ImportUsersFileDeps {
  /** Reads the file off the serving thread (OffThread.readUsers). */
  readUsers: (
    format: UserImportFormat,
    text: string,
    call: {
      signal?: AbortSignal
      onProgress?: (progress: { done: number; total: number }) => void
    },
  ) => Promise<ReadUsers>
  library: UserLibrary
}

/**
 * Imports a users file: read (and capped) in a worker, then saved by the library. Progress
 * says which stage it is in, and how many rows of how many.
 */
export async function importUsersFile(
  deps: ImportUsersFileDeps,
  format: UserImportFormat,
  text: string,
  onProgress: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<UserImportSummary> {
  const read = await deps.readUsers(format, text, {
    signal,
    onProgress: ({ done, total }) => onProgress({ stage: 'reading', done, total }),
  })
  if (read.users.length > 0) {
    onProgress({ stage: 'saving', done: 0, total: read.users.length })
    // Let that reach the caller before the save holds this thread.
    await new Promise((resolve) => setImmediate(resolve))
  }
  signal?.throwIfAborted()
  return deps.library.saveImported(read)
}
