/** The signals that ask the CLI to stop, and the exit codes a shell expects after them. */
const SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const
type StopSignal = keyof typeof SIGNALS
/** A signal this soon after the first is the same request (re-raised), not an insistence. */
const REPEAT_MS = 1_000

export interface StopSignals {
  /** For commands that run until stopped (serve, simulate): resolves on the first signal. */
  untilStopped: () => Promise<void>
}

/**
 * Ctrl+C and SIGTERM. A command that waits for them (`untilStopped`) closes gracefully; any other
 * command, a render included, stops at once with 130 or 143. That works mid-render because
 * renders run in a worker: this thread stays free to hear the signal. `exit` runs the process's
 * exit handlers (the data-folder claim is released) and ends the workers.
 *
 * The listeners stay installed for the life of the process: a library that re-raises a signal
 * right after its own cleanup (conf's atomic writes, through when-exit, do) must not kill a
 * server that is still closing. A signal a second or more after the first forces the exit.
 */
export function installStopSignals(
  exit: (code: number) => void = (code) => process.exit(code),
  on: (signal: StopSignal, listener: () => void) => void = (signal, listener) =>
    process.on(signal, listener),
  now: () => number = () => Date.now(),
): StopSignals {
  let waiting: (() => void) | undefined
  let serving = false
  let askedAt: number | undefined
  for (const signal of Object.keys(SIGNALS) as StopSignal[]) {
    on(signal, () => {
      if (!serving) return exit(SIGNALS[signal])
      if (askedAt === undefined) {
        askedAt = now()
        waiting?.()
      } else if (now() - askedAt >= REPEAT_MS) exit(SIGNALS[signal])
    })
  }
  return {
    untilStopped: () => {
      serving = true
      return new Promise<void>((resolve) => (waiting = resolve))
    },
  }
}
