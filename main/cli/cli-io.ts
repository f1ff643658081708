import type { Readable, Writable } from 'node:stream'

/** What a command may touch: passed in so tests run commands in-process with fakes. */
export interface CliIo {
  stdout: Writable
  stderr: Writable
  stdin: Readable
  env: NodeJS.ProcessEnv
  /** Resolves when the user asks the process to stop (Ctrl+C, SIGTERM). */
  untilStopped: () => Promise<void>
}

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const

export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
    /** The command already gave the message (in its --json output): only the exit code is left. */
    readonly alreadyReported = false,
  ) {
    super(message)
    this.name = 'CliFailure'
  }
}

export function printLine(stream: Writable, text: string): void {
  stream.write(`${text}\n`)
}

/** The `--json` convention: exactly one JSON document per line on stdout, nothing else. */
export function printJson(stream: Writable, value: unknown): void {
  stream.write(`${JSON.stringify(value)}\n`)
}
