import type { ChildProcess } from 'node:child_process'
import { pause, type Timers } from './timers'

/** How long to wait for the exit after SIGKILL before giving up on a process that will not die. */
const AFTER_KILL_MS = 2_000

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null
}

/**
 * Stops a child softly (SIGTERM, so it can close its connections and say goodbye to its
 * server), then forcibly (SIGKILL) when it is still running after `deadlineMs`. Resolves with
 * how it ended.
 */
export async function stopChildProcess(
  child: ChildProcess,
  deadlineMs: number,
  timers: Timers,
): Promise<'exited' | 'killed' | 'stuck'> {
  if (hasExited(child)) return 'exited'
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const giveUp = new AbortController()
  const within = (ms: number) =>
    Promise.race([exited.then(() => true), pause(timers, ms, giveUp.signal).then(() => false)])
  try {
    child.kill('SIGTERM')
    if (await within(deadlineMs)) return 'exited'
    child.kill('SIGKILL')
    return (await within(AFTER_KILL_MS)) ? 'killed' : 'stuck'
  } finally {
    giveUp.abort()
  }
}
