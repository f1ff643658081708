import path from 'node:path'
import ElectronStore from 'electron-store'
import { PRIVATE_FILE_MODE } from '../core/storage/durable-files'
import { jsonCodec, jsonStoreFrom, type JsonStoreFactory } from '../core/storage/json-store'

/** The desktop keeps settings with electron-store (conf underneath), in the data folder. */
export function electronStoreFactory(dataFolder: string): JsonStoreFactory {
  return (name, options) =>
    jsonStoreFrom(
      path.join(dataFolder, `${name}.json`),
      () =>
        new ElectronStore<Record<string, unknown>>({
          cwd: dataFolder,
          name,
          configFileMode: PRIVATE_FILE_MODE,
          clearInvalidConfig: false,
          ...jsonCodec(options),
        }),
      options,
    )
}
