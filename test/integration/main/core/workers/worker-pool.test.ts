import { performance } from 'node:perf_hooks'
import { afterEach, describe, expect, it } from 'vitest'
import type { LocatedRender } from '../../../../../main/core/templates/template-renderer'
import { workerEntry } from '../../../../../main/core/workers/worker-entry'
import { arrived, crossing, type Crossing } from '../../../../../main/core/workers/transfer'
import {
  WorkerJobStopped,
  WorkerPool,
  type WorkerPoolOptions,
} from '../../../../../main/core/workers/worker-pool'
import { STAND_IN_WORKER } from '../../../../helpers/stand-in-worker'

describe('the worker pool', () => {
  const pools: WorkerPool[] = []
  afterEach(async () => {
    for (const pool of pools.splice(0)) await pool.close()
  })
  function pool(options: Partial<WorkerPoolOptions> = {}): WorkerPool {
    const created = new WorkerPool({ entry: STAND_IN_WORKER, size: 1, ...options })
    pools.push(created)
    return created
  }

  it('renders in a worker started from the TypeScript sources, giving plain data back', async () => {
    const sources = pool({ entry: workerEntry() })
    const job = {
      kind: 'render',
      input: {
        template: '{"ticket": {"subject": "Hi {{${first_name}}}"}}',
        user: { external_id: 'u-1', first_name: 'Ada' },
        now: new Date('2026-11-20T12:00:00Z'),
      },
      locateTicketFields: true,
    }
    // Jobs and results cross as transfer.ts's { value, floats }, as OffThread sends them.
    const rendered = arrived(
      await sources.run<Crossing<LocatedRender>>(crossing(job), { timeoutMs: 60_000 }),
    )
    expect(rendered.result.output).toBe('{"ticket": {"subject": "Hi Ada"}}')
    expect(rendered.ticketFields?.fields.subject).toEqual({ line: 1, column: 13 })
  })

  it('cuts off a job that runs past its time, and a fresh worker takes the next one', async () => {
    const one = pool()
    await one.run('warm', { timeoutMs: 60_000 })
    const started = performance.now()
    const stopped = await one.run('spin', { timeoutMs: 200 }).catch((error: unknown) => error)
    expect(stopped).toBeInstanceOf(WorkerJobStopped)
    expect((stopped as WorkerJobStopped).reason).toBe('timeout')
    expect(performance.now() - started).toBeLessThan(200 + 1_000)
    await expect(one.run('next', { timeoutMs: 60_000 })).resolves.toBe('next')
  })

  it('cuts off a job that stops reporting progress', async () => {
    const one = pool()
    const heard: unknown[] = []
    const stopped = await one
      .run('quiet', { timeoutMs: 60_000, silenceMs: 200, onProgress: (p) => heard.push(p) })
      .catch((error: unknown) => error)
    expect((stopped as WorkerJobStopped).reason).toBe('silence')
    expect(heard).toEqual([{ done: 1, total: 2 }])
  })

  it('stops a running job when its caller goes away', async () => {
    const one = pool()
    await one.run('warm', { timeoutMs: 60_000 })
    const caller = new AbortController()
    const running = one.run('spin', { timeoutMs: 60_000, signal: caller.signal })
    setTimeout(() => caller.abort(), 100)
    await expect(running).rejects.toMatchObject({ reason: 'aborted' })
    await expect(one.run('next', { timeoutMs: 60_000 })).resolves.toBe('next')
  })

  it('stops a job that needs more memory than a worker has, and the app goes on', async () => {
    const one = pool({ heapMb: 32 })
    const stopped = await one.run('hog', { timeoutMs: 60_000 }).catch((error: unknown) => error)
    expect((stopped as WorkerJobStopped).reason).toBe('out-of-memory')
    expect((stopped as Error).message).toBe('The job needed more than 32 MB of memory.')
    await expect(one.run('next', { timeoutMs: 60_000 })).resolves.toBe('next')
  })

  it('runs jobs beyond its size one after another', async () => {
    const one = pool()
    await expect(
      Promise.all(['a', 'b', 'c'].map((job) => one.run(job, { timeoutMs: 60_000 }))),
    ).resolves.toEqual(['a', 'b', 'c'])
  })
})
