import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Option, type Command } from 'commander'
import type { Capture } from '../../../shared/contract/captures'
import { readSetFiles, writeCaptureSet } from '../../core/captures/capture-sets'
import { CliFailure, EXIT, printJson, printLine, type CliIo } from '../cli-io'
import { withApi } from '../with-api'

/** Captures one export call takes (the contract's cap); bigger sets are refused with the way out. */
const EXPORT_LIMIT = 1_000

/**
 * `bridgebench har export SET_DIR --out FILE.har` (or NDJSON) and `bridgebench har import
 * FILE.har --out SET_DIR`: capture sets to and from the HAR 1.2 files browsers, Postman and
 * HTTP Toolkit read and write. Secrets are masked on the way out.
 */
export function registerHar(program: Command, io: CliIo): void {
  const har = program.command('har').description('Capture sets to and from HAR 1.2 files')
  har
    .command('export')
    .description('Write a capture set folder as a HAR 1.2 file (or NDJSON), secrets masked')
    .argument('<set-dir>', 'a capture set folder')
    .requiredOption('--out <file>', 'the file to write')
    .addOption(
      new Option('--format <format>', 'har or ndjson').choices(['har', 'ndjson']).default('har'),
    )
    .option('--json', 'print {"file", "entries"} as JSON', false)
    .option('--standalone', 'run a private engine instead of attaching to a running app', false)
    .action(
      (
        dir: string,
        options: { out: string; format: 'har' | 'ndjson'; json: boolean; standalone: boolean },
      ) =>
        withApi(io, options, async (api) => {
          const captures = await readSet(dir)
          const exported = await api.har.export({ captures, format: options.format })
          await writeAtomically(options.out, exported.content)
          if (options.json) printJson(io.stdout, { file: options.out, entries: exported.entries })
          else printLine(io.stdout, `Wrote ${exported.entries} entries to ${options.out}`)
        }),
    )
  har
    .command('import')
    .description('Read a HAR file (browser, Postman, HTTP Toolkit) into a capture set folder')
    .argument('<file>', 'a .har file')
    .requiredOption('--out <set-dir>', 'the capture set folder to write')
    .option('--json', 'print {"folder", "imported", "skipped"} as JSON', false)
    .option('--standalone', 'run a private engine instead of attaching to a running app', false)
    .action((file: string, options: { out: string; json: boolean; standalone: boolean }) =>
      withApi(io, options, async (api) => {
        const text = await readFile(file, 'utf8').catch((error: unknown) => {
          throw new CliFailure(`${file} could not be read: ${messageOf(error)}`, EXIT.usage)
        })
        const imported = await api.har.import({ text })
        const count = await writeCaptureSet(options.out, imported.captures)
        if (options.json)
          printJson(io.stdout, {
            folder: options.out,
            imported: imported.imported,
            count,
            skipped: imported.skipped,
            creator: imported.creator,
          })
        else {
          printLine(
            io.stdout,
            `Imported ${imported.imported} requests from ${imported.creator} into ${options.out}`,
          )
          for (const skip of imported.skipped)
            printLine(io.stdout, `  skipped entry ${skip.index}: ${skip.reason}`)
        }
      }),
    )
}

async function readSet(dir: string): Promise<Capture[]> {
  const captures: Capture[] = []
  try {
    for await (const file of readSetFiles(dir)) {
      if ('error' in file) throw new CliFailure(file.error)
      captures.push(file.capture)
      if (captures.length > EXPORT_LIMIT)
        throw new CliFailure(
          `${dir} holds more than ${EXPORT_LIMIT} captures: split it into smaller sets to export.`,
        )
    }
  } catch (error) {
    if (error instanceof CliFailure) throw error
    throw new CliFailure(`${dir} is not a capture set folder: ${messageOf(error)}`, EXIT.usage)
  }
  return captures
}

async function writeAtomically(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true })
  await writeFile(`${file}.tmp`, content, { mode: 0o600 })
  await rename(`${file}.tmp`, file)
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
