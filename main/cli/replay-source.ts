import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { ApiClient } from '../../shared/contract'
import type { CaptureSetAssertions } from '../../shared/contract/replay'
import { captureFileNames, readSetFiles, type SetFile } from '../core/captures/capture-sets'
import { readAssertions } from '../core/replay/replay-assertions-file'
import { CliFailure, EXIT } from './cli-io'

/** What `bridgebench replay` replays: a capture set folder's files, or a HAR file's requests. */
export interface ReplaySource {
  /** For the JUnit suite name and the summary: the folder's or file's name. */
  label: string
  total: number
  files: AsyncIterable<SetFile>
  /** The set's `assertions.json`; a HAR file has none. */
  assertions: CaptureSetAssertions | undefined
}

/**
 * Opens SET_DIR or FILE.har. A folder is read one file at a time as the run takes them; a HAR
 * file is turned into captures by the engine's importer (its size is capped there).
 */
export async function openReplaySource(api: ApiClient, where: string): Promise<ReplaySource> {
  const info = await stat(where).catch(() => {
    throw new CliFailure(
      `${where}: no such folder or file. Give a capture set folder or a .har file.`,
      EXIT.usage,
    )
  })
  const label = path.basename(path.resolve(where))
  if (info.isDirectory()) {
    const names = await captureFileNames(where)
    if (names.length === 0)
      throw new CliFailure(`${where} holds no captures (*.json): nothing to replay.`, EXIT.usage)
    return {
      label,
      total: names.length,
      files: readSetFiles(where, names),
      assertions: await readAssertions(where),
    }
  }
  const text = await readFile(where, 'utf8')
  const imported = await api.har.import({ text })
  if (imported.captures.length === 0)
    throw new CliFailure(`${where} holds no requests that can be replayed.`, EXIT.usage)
  return {
    label,
    total: imported.captures.length,
    files: toFiles(imported.captures.map((capture) => ({ name: capture.id, capture }))),
    assertions: undefined,
  }
}

// eslint-disable-next-line @typescript-eslint/require-await -- an async source like a folder's
async function* toFiles(items: SetFile[]): AsyncGenerator<SetFile> {
  yield* items
}
