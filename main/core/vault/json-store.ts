import Conf from 'conf'
import {
  cloneKeepingFloats,
  parseJsonKeepingFloats,
  stringifyJsonKeepingFloats,
} from '../../../shared/numbers/json-keeping-floats'

/**
 * A JSON document on disk, written atomically. Plain Node uses `conf`; the desktop app passes
 * electron-store (the same API, Electron's defaults) through this same shape.
 */
export interface JsonStore {
  readonly path: string
  read(): Record<string, unknown>
  write(data: Record<string, unknown>): void
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

/** Wraps a conf-compatible store (conf or electron-store). */
export function jsonStoreFrom(store: Conf<Record<string, unknown>>): JsonStore {
  return {
    path: store.path,
    read: () => cloneKeepingFloats(store.store),
    write: (data) => {
      store.store = data
    },
  }
}

export function confStoreFactory(dataFolder: string): JsonStoreFactory {
  return (name, options) =>
    jsonStoreFrom(
      new Conf<Record<string, unknown>>({
        cwd: dataFolder,
        configName: name,
        // Secrets files must not be readable by other local users.
        configFileMode: 0o600,
        clearInvalidConfig: false,
        ...jsonCodec(options),
      }),
    )
}
