import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import {
  capture as captureSchema,
  type Capture,
  type CaptureSetInfo,
} from '../../../shared/contract/captures'
import { maskHeaderPairs } from '../../../shared/security/masking'

/**
 * Capture sets: plain folders, one pretty JSON file per capture named by its id, keys in a
 * stable order, credentials masked — made to be committed to git, reviewed as diffs, and
 * replayed by QA (`bridgebench replay SET_DIR`).
 */
export const CAPTURE_SETS_FOLDER = 'capture-sets'

/** Files of a set folder that are not captures: the set's assertions (`bridgebench replay`). */
const SET_METADATA_FILES = new Set(['assertions.json'])

/** A capture's file in a set folder: any `.json` but the set's own metadata files. */
export function isCaptureFileName(name: string): boolean {
  return name.endsWith('.json') && !name.startsWith('.') && !SET_METADATA_FILES.has(name)
}

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
  return (await readdir(folder)).filter(isCaptureFileName).length
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
      const count = (await readdir(folder)).filter(isCaptureFileName).length
      sets.push({ name, folder, count })
    } catch {
      // Not a folder: not a set.
    }
  }
  return sets
}

/** One file of a set: the capture it holds, or why it holds none. */
export type SetFile = { name: string; capture: Capture } | { name: string; error: string }

/** The capture files of a set folder, in capture order (ids are ULIDs: they sort by arrival). */
export async function captureFileNames(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter(isCaptureFileName).sort()
}

/**
 * The captures of a set folder, read one file at a time as they are asked for: a set of any
 * size costs one file in memory (and the list of names). A file that is not a capture comes
 * back with its error, so a caller can report it and go on.
 */
export async function* readSetFiles(
  folder: string,
  names?: readonly string[],
): AsyncGenerator<SetFile> {
  for (const name of names ?? (await captureFileNames(folder))) {
    let text: string
    try {
      text = await readFile(path.join(folder, name), 'utf8')
    } catch (error) {
      yield { name, error: `${name} could not be read: ${messageOf(error)}` }
      continue
    }
    yield readCaptureFile(name, text)
  }
}

/** One set file's text as a capture, or why it is not one. */
export function readCaptureFile(name: string, text: string): SetFile {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { name, error: `${name} is not JSON: ${messageOf(error)}` }
  }
  const parsed = captureSchema.safeParse(json)
  if (!parsed.success)
    return { name, error: `${name} is not a capture: ${z.prettifyError(parsed.error)}` }
  return { name, capture: parsed.data }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
