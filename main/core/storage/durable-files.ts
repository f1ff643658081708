import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { open, readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'

/** Everything Bridgebench keeps is the user's alone (DESIGN: Data). */
export const PRIVATE_FILE_MODE = 0o600
export const PRIVATE_FOLDER_MODE = 0o700

/**
 * Temp files carry the writer's pid (`<file>.<pid>-<random>.tmp`) so a sweep leaves a running
 * process's write alone. Older releases wrote `<file>.<pid>.tmp`; conf (through `atomically`)
 * writes `<file>.tmp-<10 digits><6 hex>` without a pid.
 */
const OWN_TEMP = /\.(\d+)(?:-[0-9a-f]+)?\.tmp$/
const CONF_TEMP = /\.tmp-\d{10}[0-9a-f]{6}$/

export function tempPathFor(file: string): string {
  return `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
}

/** Whether a name is a temp file some writer left (ours, an older release's, or conf's). */
export function isTempFileName(name: string): boolean {
  return OWN_TEMP.test(name) || CONF_TEMP.test(name)
}

/**
 * Makes a folder's entries (files created, renamed or removed in it) durable. Windows cannot
 * open a folder for fsync, and NTFS journals its metadata itself, so there it is skipped.
 */
export async function fsyncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export function fsyncFolderSync(folder: string): void {
  if (process.platform === 'win32') return
  const fd = fs.openSync(folder, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * Replaces a whole file so that a crash leaves the old content or the new, never a mix: a
 * private temp file, fsynced, renamed over the target, then the folder fsynced. Resolves once
 * the new content is on disk.
 */
export async function writeFileDurably(file: string, data: string | Uint8Array): Promise<void> {
  const temp = tempPathFor(file)
  const handle = await open(temp, 'w', PRIVATE_FILE_MODE)
  try {
    await handle.writeFile(data)
    await handle.datasync()
  } finally {
    await handle.close()
  }
  await rename(temp, file)
  await fsyncFolder(path.dirname(file))
}

export function writeFileDurablySync(file: string, data: string | Uint8Array): void {
  const temp = tempPathFor(file)
  const fd = fs.openSync(temp, 'w', PRIVATE_FILE_MODE)
  try {
    fs.writeFileSync(fd, data)
    fs.fdatasyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(temp, file)
  fsyncFolderSync(path.dirname(file))
}

/** False only when no process has this pid (EPERM means it exists but is someone else's). */
export function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Whether a temp file was left by a crash, rather than being written right now. */
function isStale(name: string, isAlive: (pid: number) => boolean): boolean {
  const own = OWN_TEMP.exec(name)
  if (own) return !isAlive(Number(own[1]))
  return CONF_TEMP.test(name)
}

/**
 * Removes temp files a crash left in a folder (not in its subfolders), optionally only those
 * beside one file (`only`). Returns the names removed.
 */
export async function sweepTempFiles(
  folder: string,
  options: { only?: string; isAlive?: (pid: number) => boolean } = {},
): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const stale = staleTemps(names, options)
  await Promise.all(stale.map((name) => rm(path.join(folder, name), { force: true })))
  return stale
}

export function sweepTempFilesSync(
  folder: string,
  options: { only?: string; isAlive?: (pid: number) => boolean } = {},
): string[] {
  let names: string[]
  try {
    names = fs.readdirSync(folder)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const stale = staleTemps(names, options)
  for (const name of stale) fs.rmSync(path.join(folder, name), { force: true })
  return stale
}

function staleTemps(
  names: string[],
  { only, isAlive = processIsAlive }: { only?: string; isAlive?: (pid: number) => boolean },
): string[] {
  return names.filter(
    (name) =>
      (only === undefined || name.startsWith(`${only}.`)) &&
      isTempFileName(name) &&
      isStale(name, isAlive),
  )
}
