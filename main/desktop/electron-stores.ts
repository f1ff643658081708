import ElectronStore from 'electron-store'
import { jsonCodec, jsonStoreFrom, type JsonStoreFactory } from '../core/vault/json-store'

/** The desktop keeps settings with electron-store (conf underneath), in the data folder. */
export function electronStoreFactory(dataFolder: string): JsonStoreFactory {
  return (name, options) =>
    jsonStoreFrom(
      new ElectronStore<Record<string, unknown>>({
        cwd: dataFolder,
        name,
        configFileMode: 0o600,
        clearInvalidConfig: false,
        ...jsonCodec(options),
      }),
    )
}
