import { performance } from 'node:perf_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient } from '../../../shared/contract'
import { collectBatch } from '../../../shared/compose/collect-batch'
import type { Engine } from '../../../main/core/engine'
import { startWebServer, type WebServer } from '../../../main/web/server'
import { createTestEngine } from '../../helpers/engine'
import { useTempDir } from '../../helpers/temp-dir'
import { importUsersThroughApi } from '../../helpers/user-import'
import { browserApiClient, fakeRendererDir } from '../../helpers/web-door'

/** The template of the issue: ten billion turns of a loop that writes one character each. */
const RUNAWAY = '{% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %}'
/** About as slow per user as a long real template: a batch of 1,000 takes seconds. */
const SLOW_PER_USER = '{% for i in (1..4000) %}{% endfor %}Hi {{${first_name}}}'

function csv(rows: number): string {
  return ['external_id,first_name', ...Array.from({ length: rows }, (_, i) => `u${i},A`)].join('\n')
}

/**
 * Calls app.info back to back until `work` settles: how many answers came, and how slow the
 * slowest was. A serving thread busy with the work would answer none until it ends.
 */
async function answersDuring(
  api: ApiClient,
  work: Promise<unknown>,
): Promise<{ answers: number; slowestMs: number }> {
  let settled = false
  const done = work.finally(() => (settled = true))
  let answers = 0
  let slowestMs = 0
  while (!settled) {
    const started = performance.now()
    await api.app.info()
    if (settled) break
    answers++
    slowestMs = Math.max(slowestMs, performance.now() - started)
  }
  await done
  return { answers, slowestMs }
}

describe('long work runs off the thread that serves the API', () => {
  const tempDir = useTempDir('bridgebench-off-thread-', 'file')
  let engine: Engine
  let server: WebServer
  let api: ApiClient

  beforeAll(async () => {
    engine = await createTestEngine(tempDir())
    server = await startWebServer({ engine, rendererDir: fakeRendererDir(tempDir()) })
    api = browserApiClient(server)
    // Load the worker first: the timings below are the renders' own.
    await api.compose.render({ template: 'warm', userId: 'u-1001' })
  }, 60_000)
  afterAll(async () => {
    await server.close()
    await engine.close()
  })

  it('stops the runaway render of the issue within its time limit plus a second', async () => {
    const started = performance.now()
    const result = await api.compose.render({ template: RUNAWAY, userId: 'u-1001' })
    expect(performance.now() - started).toBeLessThan(2_000 + 1_000)
    expect(result.output).toBe('')
    expect(result.problems).toEqual([
      // Time or memory, whichever this machine reaches first (a fast one records more pieces).
      expect.objectContaining({
        severity: 'error',
        code: 'render-limit',
        message: expect.stringMatching(/^The render stopped after (2000 ms|building)/) as string,
        line: 1,
      }),
    ])
  })

  it('answers app.info while a batch of 1,000 users renders', async () => {
    const batch = api.compose
      .renderBatch({ template: SLOW_PER_USER, users: { random: 1000, seed: 7 } })
      .then((events) => collectBatch(events))
    const { answers, slowestMs } = await answersDuring(api, batch)
    const whole = await batch
    expect(whole.totals.users).toBe(1000)
    // Four pages of rows over the wire, folded back in order.
    expect(whole.rows.map((r) => r.userId)).toEqual(
      Array.from({ length: 1000 }, (_, i) => `rnd-7-${i + 1}`),
    )
    expect(answers).toBeGreaterThanOrEqual(10)
    expect(slowestMs).toBeLessThan(1_000)
  })

  it('answers app.info while a 300,000-row file is read, then refuses it with how to split it', async () => {
    const reading = importUsersThroughApi(api, { format: 'csv', text: csv(300_000) })
    const { answers } = await answersDuring(api, reading)
    const result = await reading
    expect(answers).toBeGreaterThanOrEqual(10)
    expect(result).toMatchObject({ count: 0, first: null })
    expect(result.problems.map((p) => p.message)).toEqual([
      'This file holds 300,000 users; one import takes at most 10,000, so nothing was imported.',
    ])
  }, 60_000)

  it('reports how far an import got: rows read, then the users saved', async () => {
    const result = await importUsersThroughApi(api, { format: 'csv', text: csv(5_000) })
    expect(result.count).toBe(5_000)
    expect(result.progress.map((p) => [p.stage, p.done, p.total])).toEqual([
      ['reading', 2_000, 5_000],
      ['reading', 4_000, 5_000],
      ['saving', 0, 5_000],
    ])
  })
})
