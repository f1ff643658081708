import Conf from 'conf'

/**
 * A JSON document on disk, written atomically. Plain Node uses `conf`; the desktop app passes
 * electron-store (the same API, Electron's defaults) through this same shape.
 */
export interface JsonStore {
  readonly path: string
  read(): Record<string, unknown>
  write(data: Record<string, unknown>): void
}

export type JsonStoreFactory = (name: string) => JsonStore

/** Wraps a conf-compatible store (conf or electron-store). */
export function jsonStoreFrom(store: Conf<Record<string, unknown>>): JsonStore {
  return {
    path: store.path,
    read: () => structuredClone(store.store),
    write: (data) => {
      store.store = data
    },
  }
}

export function confStoreFactory(dataFolder: string): JsonStoreFactory {
  return (name) =>
    jsonStoreFrom(
      new Conf<Record<string, unknown>>({
        cwd: dataFolder,
        configName: name,
        // Secrets files must not be readable by other local users.
        configFileMode: 0o600,
        clearInvalidConfig: false,
      }),
    )
}
