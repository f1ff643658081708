import type { WorkerEntry } from '../../main/core/workers/worker-entry'

/**
 * A stand-in worker speaking the pool's protocol (worker-main.ts): it echoes a job, spins
 * forever, goes quiet after one progress report, or eats memory, as the job (or its `kind`)
 * says. For what a real render's own checks could never stop.
 */
export const STAND_IN_WORKER: WorkerEntry = {
  eval: true,
  target: `
    const { parentPort } = require('node:worker_threads')
    const spin = () => { for (;;) {} }
    parentPort.on('message', ({ id, job }) => {
      // OffThread's jobs cross as { value, floats } (transfer.ts); the pool's own tests post strings.
      const what = typeof job === 'string' ? job : (job.value ?? job).kind
      if (what === 'spin' || what === 'render') spin()
      if (what === 'quiet' || what === 'render-rows') {
        parentPort.postMessage({ id, progress: { done: 1, total: 2 } })
        spin()
      }
      if (what === 'hog') {
        const kept = []
        for (;;) kept.push(new Array(100000).fill(kept.length))
      }
      parentPort.postMessage({ id, result: job })
    })
    parentPort.postMessage({ ready: true })
  `,
}
