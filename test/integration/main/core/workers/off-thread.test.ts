import { readFileSync, readdirSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { diffMessages } from '../../../../../main/core/diff/message-diff'
import { rubyFloat } from '../../../../../shared/numbers/ruby-float'
import { DEFAULT_RENDER_LIMITS } from '../../../../../main/core/liquid/render-limits'
import { OffThread, CUT_OFF_GRACE_MS } from '../../../../../main/core/workers/off-thread'
import { WORKER_NICENESS } from '../../../../../main/core/workers/background-priority'
import { workerEntry } from '../../../../../main/core/workers/worker-entry'
import { WorkerPool } from '../../../../../main/core/workers/worker-pool'
import { STAND_IN_WORKER } from '../../../../helpers/stand-in-worker'

const LIMITS = { ...DEFAULT_RENDER_LIMITS, timeMs: 200 }
const user = { external_id: 'u-1' }

/** Renders whose worker never answers: what only terminating the worker can stop. */
describe('renders a worker has to cut off', () => {
  const pools: WorkerPool[] = []
  afterEach(async () => {
    for (const pool of pools.splice(0)) await pool.close()
  })
  /** With its worker loaded, so the timings below are the render's alone. */
  async function offThread(): Promise<OffThread> {
    const pool = new WorkerPool({ entry: STAND_IN_WORKER, size: 1 })
    pools.push(pool)
    await pool.run('warm', { timeoutMs: 60_000 })
    return new OffThread({ pool, now: () => new Date('2026-11-20T12:00:00Z'), limits: LIMITS })
  }

  it('come back as an error problem within the time limit plus the grace, never a hang', async () => {
    const renderer = await offThread()
    const started = performance.now()
    const { result, ticketFields } = await renderer.render({ template: 'x', user })
    const ms = performance.now() - started
    expect(result.output).toBe('')
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'render-limit',
        message: expect.stringMatching(
          /^The render stopped after \d+ ms: it ran past its time limit and was cut off\.$/,
        ) as string,
        line: null,
      }),
    ])
    expect(ticketFields).toBeNull()
    expect(ms).toBeLessThan(LIMITS.timeMs + CUT_OFF_GRACE_MS + 1_000)
  })

  it('stop a batch with a message naming the user whose render ran away', async () => {
    const renderer = await offThread()
    const entries = ['a', 'b'].map((id) => ({
      id,
      label: id,
      source: 'random' as const,
      user: { external_id: id },
    }))
    await expect(renderer.renderRows({ template: 'x' }, entries)).rejects.toThrow(
      'The batch stopped: the render for user 2 of 2 ran past its 200 ms time limit and was cut off. Preview that user to see where the template runs away.',
    )
  })
})

describe('renders in the real worker', () => {
  const pool = new WorkerPool({ entry: workerEntry(), size: 1 })
  const renderer = new OffThread({ pool, now: () => new Date('2026-11-20T12:00:00Z') })
  afterAll(() => pool.close())

  it('keep a whole Float from the user a Float (2.0, not 2)', async () => {
    const { result } = await renderer.render({
      template: '{{custom_attribute.${score}}}',
      user: { external_id: 'u-1', custom_attributes: { score: rubyFloat(2) } },
    })
    expect(result.output).toBe('2.0')
  }, 60_000)

  it.runIf(process.platform === 'linux')(
    'run below the serving thread: the worker thread is niced, this thread is not',
    async () => {
      const niceness = () =>
        readdirSync('/proc/self/task').map((task) => {
          const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8')
          // Field 19 (nice), counted after the command name, which may hold spaces.
          return { task, nice: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) }
        })
      await renderer.render({ template: 'x', user })
      const threads = niceness()
      expect(threads.find((t) => t.task === String(process.pid))?.nice).toBe(0)
      expect(threads.filter((t) => t.nice === WORKER_NICENESS)).toHaveLength(1)
    },
    60_000,
  )

  it('render a batch bigger than one hand-over in order, one row per user', async () => {
    const entries = Array.from({ length: 2_500 }, (_, i) => ({
      id: `u-${i}`,
      label: `u-${i}`,
      source: 'imported' as const,
      user: { external_id: `u-${i}`, first_name: i % 2 ? 'Ada' : '' },
    }))
    const rows = await renderer.renderRows(
      { template: '{% if ${first_name} == blank %}{% abort_message("no name") %}{% endif %}Hi' },
      entries,
    )
    expect(rows.map((r) => r.userId)).toEqual(entries.map((e) => e.id))
    expect(rows.filter((r) => r.aborted === 'no name')).toHaveLength(1_250)
  }, 60_000)

  it('diff two messages there as in this thread', async () => {
    const message = (data: string) => ({
      label: 'side',
      startLine: 'POST /users/track',
      headers: [['Content-Type', 'application/json']] as Array<[string, string]>,
      body: { encoding: 'utf8' as const, data, size: data.length, truncated: false },
    })
    const input = {
      left: message('{"a": 1, "b": [1, 2]}'),
      right: message('{"b": [1, 3], "a": 1}'),
    }
    expect(await renderer.diff(input)).toEqual(diffMessages(input))
  }, 60_000)
})
