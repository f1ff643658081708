import ElectronStore from 'electron-store'
import { jsonStoreFrom, type JsonStoreFactory } from '../core/storage/json-store'

/** The desktop keeps settings with electron-store (conf underneath), in the data folder. */
export function electronStoreFactory(dataFolder: string): JsonStoreFactory {
  return (name) =>
    jsonStoreFrom(
      new ElectronStore<Record<string, unknown>>({
        cwd: dataFolder,
        name,
        configFileMode: 0o600,
        clearInvalidConfig: false,
      }),
    )
}
