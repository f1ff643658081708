import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/** How to start a worker: a built file, or (from the TypeScript sources) a bootstrap to eval. */
export interface WorkerEntry {
  target: string | URL
  eval: boolean
  execArgv?: string[]
}

/** The worker's file name in the build (electron.vite.config.ts names the entry). */
export const BUILT_WORKER_FILE = 'worker.js'

/**
 * Where the worker's code is, judged from where this module runs:
 * - from the TypeScript sources (vitest, `node --import tsx`): worker-main.ts beside this file,
 *   loaded through tsx, registered inside the worker by a small bootstrap (on Node 20 a worker's
 *   `--import tsx` execArgv does not reach its module loader);
 * - built by electron-vite: out/main/worker.js, beside the entries (cli.js, desktop.js), whether
 *   this code landed in an entry or in a shared chunk under out/main/chunks/.
 */
export function workerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  const here = new URL(moduleUrl)
  if (here.pathname.endsWith('.ts')) {
    // tsx's ESM API (`tsx/esm/api`, its "import" export): register() hooks the imports after it.
    const tsxFolder = path.dirname(createRequire(here).resolve('tsx/package.json'))
    const api = pathToFileURL(path.join(tsxFolder, 'dist', 'esm', 'api', 'index.mjs')).href
    const main = new URL('./worker-main.ts', here).href
    return {
      target: `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(main)}) })`,
      eval: true,
    }
  }
  const folder = new URL('.', here)
  const outMain = folder.pathname.endsWith('/chunks/') ? new URL('..', folder) : folder
  return { target: new URL(BUILT_WORKER_FILE, outMain), eval: false }
}
