import { parentPort } from 'node:worker_threads'
import type { FromWorker, ToWorker } from './worker-pool'
import { runJob, type WorkerJob, type WorkerState } from './jobs'
import { arrived, crossing, type Crossing } from './transfer'
import { lowerWorkerPriority } from './background-priority'

/**
 * A worker of the pool (worker-pool.ts): it runs one job at a time, synchronously, and posts
 * its progress, its result or its error. The pool stops it from outside when a job overruns.
 */
const port = parentPort
if (!port) throw new Error('worker-main runs inside a worker thread (see worker-pool.ts).')

lowerWorkerPriority()

const state: WorkerState = { liquid: undefined }
const post = (message: FromWorker) => port.postMessage(message)

port.on('message', ({ id, job }: ToWorker) => {
  try {
    const result = runJob(arrived(job as Crossing<WorkerJob>), state, (progress) =>
      post({ id, progress }),
    )
    post({ id, result: crossing(result) })
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error))
    post({ id, error: { name: failure.name, message: failure.message } })
  }
})
post({ ready: true })
