import os from 'node:os'
import { resolveDataFolder } from '../core/app-paths'
import { Engine, type Door } from '../core/engine'
import { PassphraseCipher } from '../core/vault/passphrase-cipher'
import { openInBrowser } from './open-browser'

/** The engine as plain Node runs it (CLI and browser mode): passphrase cipher, env-chosen home. */
export async function createNodeEngine(env: NodeJS.ProcessEnv, door: Door): Promise<Engine> {
  const dataFolder = resolveDataFolder({ env, platform: process.platform, homedir: os.homedir() })
  const secretCipher = new PassphraseCipher(dataFolder)
  const passphrase = env.BRIDGEBENCH_PASSPHRASE
  if (passphrase) secretCipher.unlock(passphrase)
  const engine = await Engine.create({
    dataFolder,
    version: __BRIDGEBENCH_VERSION__,
    door,
    secretCipher,
    // In browser mode the page opens sign-in links itself, in the browser the user is already in.
    openExternal: door === 'cli' ? (url) => openInBrowser(url, env) : undefined,
  })
  // Renders run in a worker: let it load while the command gets going.
  engine.renderer.warm()
  return engine
}
