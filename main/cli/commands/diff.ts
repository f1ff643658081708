import { readFile, stat } from 'node:fs/promises'
import type { Command } from 'commander'
import type { DiffSide } from '../../../shared/contract/diffs'
import { readCaptureFile } from '../../core/captures/capture-sets'
import { captureMessage } from '../../core/diff/diff-sources'
import { CliFailure, EXIT, printJson, printLine, type CliIo } from '../cli-io'
import { formatDiff } from '../format-diff'
import { withApi } from '../with-api'

const RECORD_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/i

/**
 * `bridgebench diff A B`: two captures (set files or inbox ids), or an exchange's request or
 * response (`exchange:ID`, `exchange:ID:request`). Exits 0 when nothing differs beyond the
 * ignore rules and 1 when something does, as diff(1) does.
 */
export function registerDiff(program: Command, io: CliIo): void {
  program
    .command('diff')
    .description('Compare two captures or exchanges: headers (case and order too) and bodies')
    .argument('<a>', 'a capture file, a capture id, or exchange:ID[:request]')
    .argument('<b>', 'the same, for the other side')
    .option('--ignore <path...>', 'JSON paths to leave out, such as events[*].time')
    .option('--json', 'print the diff as JSON', false)
    .option('--standalone', 'run a private engine instead of attaching to a running app', false)
    .action(
      (a: string, b: string, options: { ignore?: string[]; json: boolean; standalone: boolean }) =>
        withApi(io, options, async (api) => {
          const diff = await api.diffs.compare({
            left: await sideOf(a),
            right: await sideOf(b),
            options: { ignorePaths: options.ignore ?? [] },
          })
          if (options.json) printJson(io.stdout, diff)
          else for (const line of formatDiff(diff)) printLine(io.stdout, line)
          if (!diff.identical) throw new CliFailure('', EXIT.failure)
        }),
    )
}

async function sideOf(arg: string): Promise<DiffSide> {
  const exchange = /^exchange:([^:]+)(?::(request|response))?$/.exec(arg)
  if (exchange?.[1])
    return {
      kind: 'exchange',
      id: exchange[1],
      part: exchange[2] === 'request' ? 'request' : 'response',
    }
  const isFile = await stat(arg).then(
    (info) => info.isFile(),
    () => false,
  )
  if (isFile) {
    const file = readCaptureFile(arg, await readFile(arg, 'utf8'))
    if ('error' in file) throw new CliFailure(file.error, EXIT.usage)
    return { kind: 'message', message: captureMessage(file.capture, arg) }
  }
  if (RECORD_ID.test(arg)) return { kind: 'capture', id: arg }
  throw new CliFailure(`${arg}: no such file, and not a capture id or exchange:ID.`, EXIT.usage)
}
