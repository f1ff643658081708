import fs from 'node:fs'
import path from 'node:path'
import Conf from 'conf'
import {
  parseJsonKeepingFloats,
  stringifyJsonKeepingFloats,
} from '../../../shared/numbers/json-keeping-floats'
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

export interface JsonStoreOptions {
  /**
   * Keep whole Floats: `2.0` in the file reads back as a RubyFloat and is written as `2.0`
   * (users' data, where Liquid prints `2.0` and `2` differently). Other documents read plain
   * numbers, so a hand-written `30.0` in settings stays the number 30.
   */
  keepFloats?: boolean
}

export type JsonStoreFactory = (name: string, options?: JsonStoreOptions) => JsonStore

/**
 * conf's (and electron-store's) `serialize`/`deserialize` for a store: none by default; with
 * `keepFloats`, JSON that keeps whole Floats, read behind the nesting guard.
 */
export function jsonCodec(options: JsonStoreOptions = {}): {
  serialize?: (value: Record<string, unknown>) => string
  deserialize?: (text: string) => Record<string, unknown>
} {
  if (!options.keepFloats) return {}
  return {
    serialize: (value) => stringifyJsonKeepingFloats(value, '\t'),
    deserialize: (text) => parseJsonKeepingFloats(text) as Record<string, unknown>,
  }
}

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
export function jsonStoreFrom(
  file: string,
  open: () => ConfLike,
  options: JsonStoreOptions = {},
): JsonStore {
  sweepTempFilesSync(path.dirname(file), { only: path.basename(file) })
  readJsonObjectSync(file, options)
  const store = open()
  return {
    path: store.path,
    read: () => readJsonObjectSync(store.path, options),
    write: (data) => {
      store.store = data
      // conf renames atomically and fsyncs the file, but not the folder entry of the rename.
      fsyncFolderSync(path.dirname(store.path))
    },
    backup: (suffix) => backupFileSync(store.path, suffix),
  }
}

export function confStoreFactory(dataFolder: string): JsonStoreFactory {
  return (name, options) =>
    jsonStoreFrom(
      path.join(dataFolder, `${name}.json`),
      () =>
        new Conf<Record<string, unknown>>({
          cwd: dataFolder,
          configName: name,
          configFileMode: PRIVATE_FILE_MODE,
          clearInvalidConfig: false,
          ...jsonCodec(options),
        }),
      options,
    )
}

/** A JSON object from a file; `{}` when the file does not exist. */
export function readJsonObjectSync(
  file: string,
  options: JsonStoreOptions = {},
): Record<string, unknown> {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw error
  }
  const parsed = parseJsonText(text, options.keepFloats ? parseJsonKeepingFloats : JSON.parse)
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
