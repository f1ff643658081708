import { Command, CommanderError } from 'commander'
import { CliFailure, EXIT, printLine, type CliIo } from './cli-io'
import { registerForward } from './commands/forward'
import { registerDiff } from './commands/diff'
import { registerHar } from './commands/har'
import { registerListen } from './commands/listen'
import { registerProfile } from './commands/profile'
import { registerRender } from './commands/render'
import { registerReplay } from './commands/replay'
import { registerServe } from './commands/serve'
import { registerSimulate } from './commands/simulate'
import { registerTicket } from './commands/ticket'
import { registerTrigger } from './commands/trigger'

/** Each feature adds one `register…` here; every command runs over the same engine. */
export function createProgram(io: CliIo): Command {
  const program = new Command('bridgebench')
    .description('Test the Braze ⇄ Zendesk integration before it goes live.')
    .version(__BRIDGEBENCH_VERSION__, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride()
  registerServe(program, io)
  registerRender(program, io)
  registerSimulate(program, io)
  registerProfile(program, io)
  registerTicket(program, io)
  registerListen(program, io)
  registerForward(program, io)
  registerReplay(program, io)
  registerHar(program, io)
  registerDiff(program, io)
  registerTrigger(program, io)
  return program
}

/** Runs the CLI and returns the exit code: 0 ok, 1 a check or operation failed, 2 bad usage. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = createProgram(io)
  try {
    await program.parseAsync(argv, { from: 'user' })
    return EXIT.ok
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage
    }
    if (error instanceof CliFailure) {
      // An empty message: the command already said everything (diff's "they differ").
      if (!error.alreadyReported && error.message) printLine(io.stderr, `Error: ${error.message}`)
      return error.exitCode
    }
    printLine(io.stderr, `Error: ${error instanceof Error ? error.message : String(error)}`)
    return EXIT.failure
  }
}
