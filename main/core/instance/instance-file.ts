import { readFileSync, unlinkSync } from 'node:fs'
import { open, readFile, rename, unlink, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import path from 'node:path'
import { z } from 'zod'

/**
 * One engine per data folder (DESIGN "Front doors"): the engine that holds a folder says so in
 * `instance.json` (mode 0600: it carries the API token), so the CLI can attach to it instead of
 * starting a second engine on the same files, and a second app or `serve` is refused by name.
 */
export const INSTANCE_FILE = 'instance.json'

export const instanceRecord = z.object({
  schemaVersion: z.literal(1),
  pid: z.number().int().positive(),
  door: z.enum(['desktop', 'browser', 'cli']),
  version: z.string(),
  startedAt: z.string(),
  /** Where its API answers (`http://127.0.0.1:PORT`), once it serves one; null for a CLI run. */
  apiUrl: z.string().nullable(),
  token: z.string().nullable(),
})
export type InstanceRecord = z.infer<typeof instanceRecord>

export class DataFolderHeldError extends Error {
  constructor(
    readonly dataFolder: string,
    readonly holder: InstanceRecord,
  ) {
    const who =
      holder.door === 'cli'
        ? `a bridgebench command (pid ${holder.pid})`
        : `Bridgebench ${holder.version} (${holder.door === 'desktop' ? 'the desktop app' : 'browser mode'}, pid ${holder.pid}${holder.apiUrl ? `, ${holder.apiUrl}` : ''})`
    super(
      `The data folder ${dataFolder} is in use by ${who}, since ${holder.startedAt}. ` +
        'Use that one (bridgebench commands attach to it), stop it first, or point BRIDGEBENCH_HOME at another folder.',
    )
    this.name = 'DataFolderHeldError'
  }
}

export interface InstanceClaim {
  readonly file: string
  /** Tells other commands where this instance's API answers. */
  publish(api: { apiUrl: string; token: string }): Promise<void>
  /** Gives the folder up (only if the file is still ours). */
  release(): Promise<void>
}

export interface ClaimOptions {
  door: InstanceRecord['door']
  version: string
  now: () => Date
  pid?: number
  /** How long to wait for a holder's API before calling it stale. */
  connectTimeoutMs?: number
}

/**
 * Claims the folder for this process, created exclusively so two engines starting at once
 * cannot both win. A file left by a process that died (or whose API no longer answers) is
 * replaced; a live holder is refused with `DataFolderHeldError`.
 */
export async function claimDataFolder(
  dataFolder: string,
  options: ClaimOptions,
): Promise<InstanceClaim> {
  const file = path.join(dataFolder, INSTANCE_FILE)
  const record: InstanceRecord = {
    schemaVersion: 1,
    pid: options.pid ?? process.pid,
    door: options.door,
    version: options.version,
    startedAt: options.now().toISOString(),
    apiUrl: null,
    token: null,
  }
  for (let tries = 0; ; tries++) {
    try {
      const handle = await open(file, 'wx', 0o600)
      try {
        await handle.writeFile(`${JSON.stringify(record, null, 2)}\n`)
        await handle.sync()
      } finally {
        await handle.close()
      }
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || tries > 0) throw error
      const holder = await liveInstance(dataFolder, options.connectTimeoutMs)
      if (holder) throw new DataFolderHeldError(dataFolder, holder)
      await unlink(file).catch(() => undefined)
    }
  }
  const ours = (found: InstanceRecord | undefined) =>
    found?.pid === record.pid && found.startedAt === record.startedAt
  // A crash skips `release`; on a normal exit (even process.exit) the file still goes.
  const onExit = () => {
    try {
      if (ours(parse(readFileSync(file, 'utf8')))) unlinkSync(file)
    } catch {
      // Already gone.
    }
  }
  process.once('exit', onExit)
  return {
    file,
    async publish(api) {
      Object.assign(record, api)
      const temp = `${file}.${record.pid}.tmp`
      await writeFile(temp, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 })
      await rename(temp, file)
    },
    async release() {
      process.off('exit', onExit)
      if (ours(await readInstance(dataFolder))) await unlink(file).catch(() => undefined)
    },
  }
}

/** The instance holding the folder, or undefined when none does (no file, or a stale one). */
export async function liveInstance(
  dataFolder: string,
  connectTimeoutMs = 1_000,
): Promise<InstanceRecord | undefined> {
  const found = await readInstance(dataFolder)
  if (!found || !processAlive(found.pid)) return undefined
  // A reused pid is not our holder: an instance that serves an API must answer on it.
  if (found.apiUrl && !(await answers(found.apiUrl, connectTimeoutMs))) return undefined
  return found
}

async function readInstance(dataFolder: string): Promise<InstanceRecord | undefined> {
  try {
    return parse(await readFile(path.join(dataFolder, INSTANCE_FILE), 'utf8'))
  } catch {
    return undefined
  }
}

function parse(text: string): InstanceRecord | undefined {
  try {
    const parsed = instanceRecord.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: alive, but another user's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function answers(apiUrl: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let url: URL
    try {
      url = new URL(apiUrl)
    } catch {
      resolve(false)
      return
    }
    const socket = connect({ host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port) })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}
