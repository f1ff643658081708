import { Engine } from '../../main/core/engine'
import { PassphraseCipher } from '../../main/core/vault/passphrase-cipher'
import { offlineHttpClient } from './offline-http'

export const TEST_PASSPHRASE = 'correct horse battery staple'
/** Cheap scrypt for tests only; the format and checks are the same as in production. */
export const TEST_SCRYPT_COST = { N: 2 ** 10, r: 8, p: 1 }

/**
 * An engine as the Node doors build it, in a temp data folder, with its cipher unlocked (or left
 * locked, as after a restart before the passphrase is entered). Its HTTP client resolves no names
 * (tests talk to 127.0.0.1 only), so no real DNS is ever asked.
 */
export async function createTestEngine(
  dataFolder: string,
  options: { sandbox?: boolean; locked?: boolean; log?: (line: string) => void } = {},
): Promise<Engine> {
  const secretCipher = new PassphraseCipher(dataFolder, TEST_SCRYPT_COST)
  if (!options.locked) secretCipher.unlock(TEST_PASSPHRASE)
  const engine = await Engine.create({
    dataFolder,
    version: '9.9.9-test',
    door: 'browser',
    secretCipher,
    http: offlineHttpClient(),
    sandbox: options.sandbox ? {} : false,
    log: options.log,
  })
  if (options.sandbox) await engine.useSandbox()
  return engine
}
