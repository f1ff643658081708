import { PassThrough } from 'node:stream'
import type { CliIo } from '../../main/cli/cli-io'

export interface CliRun {
  io: CliIo
  stdout: () => string
  stderr: () => string
  /** Simulates Ctrl+C for long-running commands such as `serve`. */
  stop: () => void
  /** Resolves with the first stdout line once one is printed. */
  firstLine: () => Promise<string>
}

/** Runs commands in-process with captured output and a chosen environment. */
export function fakeCliIo(env: NodeJS.ProcessEnv, stdinText = ''): CliRun {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  let stop: () => void = () => undefined
  const stopped = new Promise<void>((resolve) => (stop = resolve))
  const stdin = new PassThrough()
  stdin.end(stdinText)
  return {
    io: { stdout, stderr, stdin, env, untilStopped: () => stopped },
    stdout: () => out,
    stderr: () => err,
    stop: () => stop(),
    firstLine: () =>
      new Promise((resolve) => {
        const check = () => {
          const newline = out.indexOf('\n')
          if (newline >= 0) resolve(out.slice(0, newline))
          else setTimeout(check, 10)
        }
        check()
      }),
  }
}
