import fs from 'node:fs'
import path from 'node:path'
import Conf from 'conf'
import { CorruptDataError, isPlainObject, jsonKind, parseJsonText } from './corrupt-data'
import {
  PRIVATE_FILE_MODE,
  fsyncFolderSync,
  sweepTempFilesSync,
  writeFileDurablySync,
} from './durable-files'

/**
 * A JSON document on disk (settings, secrets, templates, users, presets, the test-ticket log),
 * written atomically. Plain Node writes with `conf`; the desktop app passes electron-store (the
 * same API, Electron's defaults) through this same shape.
 */
export interface JsonStore {
  readonly path: string
  /**
   * The document, or `{}` when there is no file yet. Throws CorruptDataError, naming the file,
   * when it is not a JSON object (cut off, `null`, a list…); the file is left as it is.
   */
  read(): Record<string, unknown>
  /** Replaces the document; on disk (file and folder entry) when it returns. */
  write(data: Record<string, unknown>): void
  /**
   * Keeps a copy of the file as `<file>.<suffix>` (0600) before a migration rewrites it.
   * Returns the copy's path, or undefined when there is no file to keep.
   */
  backup(suffix: string): string | undefined
}

export type JsonStoreFactory = (name: string) => JsonStore

/** The part of conf (and electron-store) this uses. */
export interface ConfLike {
  readonly path: string
  store: Record<string, unknown>
}

/**
 * A conf-compatible store (conf or electron-store) for `file`. The file is checked before conf
 * opens it, because conf reads it in its constructor: it would quote a parse error without the
 * file's name, and take `null` or a list as an empty document that the next write replaces.
 * Temp files a crash left beside it are swept first.
 */
export function jsonStoreFrom(file: string, open: () => ConfLike): JsonStore {
  sweepTempFilesSync(path.dirname(file), { only: path.basename(file) })
  readJsonObjectSync(file)
  const store = open()
  return {
    path: store.path,
    read: () => readJsonObjectSync(store.path),
    write: (data) => {
      store.store = data
      // conf renames atomically and fsyncs the file, but not the folder entry of the rename.
      fsyncFolderSync(path.dirname(store.path))
    },
    backup: (suffix) => backupFileSync(store.path, suffix),
  }
}

export function confStoreFactory(dataFolder: string): JsonStoreFactory {
  return (name) =>
    jsonStoreFrom(
      path.join(dataFolder, `${name}.json`),
      () =>
        new Conf<Record<string, unknown>>({
          cwd: dataFolder,
          configName: name,
          configFileMode: PRIVATE_FILE_MODE,
          clearInvalidConfig: false,
        }),
    )
}

/** A JSON object from a file; `{}` when the file does not exist. */
export function readJsonObjectSync(file: string): Record<string, unknown> {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw error
  }
  const parsed = parseJsonText(text)
  if (!parsed.ok) throw new CorruptDataError(file, parsed.detail)
  if (!isPlainObject(parsed.value)) {
    throw new CorruptDataError(file, `expected a JSON object, found ${jsonKind(parsed.value)}`)
  }
  return parsed.value
}

export function backupFileSync(file: string, suffix: string): string | undefined {
  let content: Buffer
  try {
    content = fs.readFileSync(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  const copy = `${file}.${suffix}`
  writeFileDurablySync(copy, content)
  return copy
}
