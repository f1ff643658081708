import { runCli } from './program'
import { installStopSignals } from './stop-signals'

const { untilStopped } = installStopSignals()

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  untilStopped,
})
