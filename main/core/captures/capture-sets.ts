import { mkdir, readdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Capture, CaptureSetInfo } from '../../../shared/contract/captures'
import { maskHeaderPairs } from '../../../shared/security/masking'

/**
 * Capture sets: plain folders, one pretty JSON file per capture named by its id, keys in a
 * stable order, credentials masked — made to be committed to git, reviewed as diffs, and
 * replayed by QA (`bridgebench replay SET_DIR`).
 */
export const CAPTURE_SETS_FOLDER = 'capture-sets'

/** A capture as a set file keeps it: Authorization, cookies and API keys masked. */
export function setFileOf(capture: Capture): Capture {
  return {
    ...capture,
    request: { ...capture.request, headers: maskHeaderPairs(capture.request.headers) },
  }
}

/** JSON with object keys sorted at every level, so a file's diff shows only what changed. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    )
  }
  return value
}

/** Writes captures into `folder` (created if needed), each atomically; returns the count there. */
export async function writeCaptureSet(
  folder: string,
  captures: Iterable<Capture>,
): Promise<number> {
  await mkdir(folder, { recursive: true, mode: 0o700 })
  for (const capture of captures) {
    const file = path.join(folder, `${capture.id}.json`)
    const temp = `${file}.${process.pid}.tmp`
    await writeFile(temp, stableJson(setFileOf(capture)), { mode: 0o600 })
    await rename(temp, file)
  }
  return (await readdir(folder)).filter((name) => name.endsWith('.json')).length
}

/** The named sets in the data folder. */
export async function listCaptureSets(dataFolder: string): Promise<CaptureSetInfo[]> {
  const root = path.join(dataFolder, CAPTURE_SETS_FOLDER)
  let names: string[]
  try {
    names = await readdir(root)
  } catch {
    return []
  }
  const sets: CaptureSetInfo[] = []
  for (const name of names.sort()) {
    const folder = path.join(root, name)
    try {
      const count = (await readdir(folder)).filter((f) => f.endsWith('.json')).length
      sets.push({ name, folder, count })
    } catch {
      // Not a folder: not a set.
    }
  }
  return sets
}
