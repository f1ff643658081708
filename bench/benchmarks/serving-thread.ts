import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { createBrazeLiquid } from '../../main/core/liquid/braze-liquid'
import { renderBatch } from '../../main/core/templates/render-batch'
import { inThreadRenderer } from '../../main/core/templates/template-renderer'
import { API_SOCKET_PATH } from '../../shared/web-access'
import { startWebServer, type WebServer } from '../../main/web/server'
import { createTestEngine } from '../../test/helpers/engine'
import { seedTemplate } from '../../test/helpers/liquid-fixtures'
import { browserApiClient } from '../../test/helpers/web-door'
import type { Benchmark, Comparison } from '../harness'

/**
 * How well the browser door answers `app.info` while long work runs: in the engine's workers
 * (subject) against the same work on the serving thread, as it ran before (baseline). The
 * measure is 1000 ÷ the p99 round trip in ms, so higher is better and 20 means p99 = 50 ms.
 * The long call goes over the page's API socket from a thread of its own (PAGE_CLIENT); the
 * app.info round trips are made on the serving thread's own loop, so they see its every block.
 */

const SEED = seedTemplate()
const USERS = 10_000
const FILE_ROWS = 300_000

function csv(rows: number, from = 0): string {
  const lines = Array.from({ length: rows }, (_, i) => `u${from + i},Ada`)
  return ['external_id,first_name', ...lines].join('\n')
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0
}

/**
 * The page making the long call: its own thread (the page has its own process), the API
 * socket the renderer opens, every event read and decoded there. What reaches the serving
 * thread is what a page costs it, not the client's own decoding.
 */
const PAGE_CLIENT = `
const { parentPort, workerData } = require('node:worker_threads')
const { WebSocket } = require('ws')
;(async () => {
  const { createORPCClient } = await import('@orpc/client')
  const { RPCLink } = await import('@orpc/client/websocket')
  const socket = new WebSocket(workerData.url, { origin: workerData.origin })
  await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject) })
  const api = createORPCClient(new RPCLink({ websocket: socket }))
  parentPort.on('message', async ({ procedure, input }) => {
    try {
      const [group, name] = procedure.split('.')
      let events = 0
      for await (const _ of await api[group][name](input)) events++
      parentPort.postMessage({ events })
    } catch (error) {
      parentPort.postMessage({ error: String(error) })
    }
  })
  parentPort.postMessage({ ready: true })
})().catch((error) => parentPort.postMessage({ error: String(error) }))
`

async function pageClient(door: WebServer) {
  const worker = new Worker(PAGE_CLIENT, {
    eval: true,
    workerData: {
      url: `ws://127.0.0.1:${door.port}${API_SOCKET_PATH}?token=${door.token}`,
      origin: door.origin,
    },
  })
  const next = () => new Promise<{ error?: string }>((resolve) => worker.once('message', resolve))
  const ready = await next()
  if (ready.error) throw new Error(`The page client did not connect: ${ready.error}`)
  return {
    /** One streaming procedure (`group.name`), read to its end. */
    async call(procedure: string, input: unknown): Promise<void> {
      const answered = next()
      worker.postMessage({ procedure, input })
      const { error } = await answered
      if (error) throw new Error(`${procedure} failed: ${error}`)
    },
    close: () => worker.terminate(),
  }
}

export const servingThread: Benchmark = {
  name: 'serving-thread',
  async setup() {
    const home = mkdtempSync(path.join(os.tmpdir(), 'bridgebench-bench-'))
    const engine = await createTestEngine(home)
    const door = await startWebServer({ engine, rendererDir: home })
    const api = browserApiClient(door)
    engine.users.import('csv', csv(USERS))
    await api.compose.render({ template: 'warm', userId: 'u-1001' })
    const big = csv(FILE_ROWS, USERS)
    const batchInput = { template: SEED, users: 'saved', target: 'zendesk-ticket' } as const
    const onThisThread = inThreadRenderer(createBrazeLiquid())

    const page = await pageClient(door)

    /** Round trips of app.info, one after another, until `work` settles: 1000 ÷ p99. */
    async function responsiveness(work: () => Promise<unknown>, seen: number[][]) {
      const latencies: number[] = []
      let settled = false
      // Started on the next turn, so the first round trip is in flight when it begins.
      const running = new Promise((resolve) => setImmediate(resolve))
        .then(work)
        .finally(() => (settled = true))
      do {
        const started = performance.now()
        // A keep-alive connection the server timed out during a block resets once: ask again.
        await api.app.info().catch(() => api.app.info())
        latencies.push(performance.now() - started)
      } while (!settled)
      await running
      seen.push(latencies)
      return 1000 / quantile(latencies, 0.99)
    }

    function comparison(
      what: string,
      subject: () => Promise<unknown>,
      baseline: () => Promise<unknown>,
    ): Comparison {
      const subjectRuns: number[][] = []
      const baselineRuns: number[][] = []
      const summary = (runs: number[][]) => {
        const all = runs.flat()
        return `p50 ${quantile(all, 0.5).toFixed(1)} / p99 ${quantile(all, 0.99).toFixed(1)} / max ${quantile(all, 1).toFixed(0)} ms over ${all.length} calls`
      }
      return {
        name: `serving thread: app.info while ${what}, in a worker vs on the serving thread`,
        unit: '1000/p99 ms',
        per: 'measured',
        target: 5,
        floor: { value: 20, what: 'p99 ≤ 50 ms' },
        subject: () => responsiveness(subject, subjectRuns),
        baseline: () => responsiveness(baseline, baselineRuns),
        // Read after the rounds: the latencies they saw.
        get note() {
          return `worker: ${summary(subjectRuns)}; serving thread: ${summary(baselineRuns)}`
        },
      }
    }

    return {
      comparisons: [
        comparison(
          `a ${USERS.toLocaleString('en-US')}-user batch renders (seed template, linted)`,
          () => page.call('compose.renderBatch', batchInput),
          () => renderBatch(onThisThread, engine.users, batchInput),
        ),
        comparison(
          `a ${FILE_ROWS.toLocaleString('en-US')}-row CSV is read (and refused: over the row cap)`,
          () => page.call('users.import', { format: 'csv', text: big }),
          () => Promise.resolve(engine.users.import('csv', big)),
        ),
      ],
      async close() {
        await page.close()
        await door.close()
        await engine.close()
        rmSync(home, { recursive: true, force: true })
      },
    }
  },
}
