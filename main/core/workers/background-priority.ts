import os from 'node:os'

/** How much lower a worker thread runs than the serving thread (a nice value, 0–19). */
export const WORKER_NICENESS = 5

/**
 * Lowers the calling worker thread's scheduling priority, so that on a busy machine the serving
 * thread, woken by a request, takes the CPU from a long render at once instead of waiting its
 * turn. Only on Linux, where a nice value belongs to one thread (setpriority(2), "BUGS"); on
 * macOS and Windows the same call would lower the whole app, so it is not made there.
 * Returns whether the priority was lowered (a sandbox may refuse it; the worker runs as it is).
 */
export function lowerWorkerPriority(
  platform: NodeJS.Platform = process.platform,
  setPriority: (priority: number) => void = (priority) => os.setPriority(priority),
): boolean {
  if (platform !== 'linux') return false
  try {
    setPriority(WORKER_NICENESS)
    return true
  } catch {
    return false
  }
}
