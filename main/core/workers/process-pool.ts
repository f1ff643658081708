import { workerEntry } from './worker-entry'
import { WorkerPool } from './worker-pool'

let shared: WorkerPool | undefined

/**
 * The pool an engine uses when it is not given one: one per process, started on first use.
 * Idle workers do not keep the process alive, so nothing has to close it.
 */
export function processWorkerPool(): WorkerPool {
  shared ??= new WorkerPool({ entry: workerEntry() })
  return shared
}
