import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../../../../main/core/engine'
import {
  ZENDESK_TEST_SIGNING_SECRET,
  verifyZendeskWebhook,
} from '../../../../../main/core/zendesk/webhook-signature'
import type { RunEvent } from '../../../../../shared/contract/replay'
import { testCapture, trackBody } from '../../../../helpers/captures'
import { createTestEngine } from '../../../../helpers/engine'
import { startScriptedServer, type ScriptedServer } from '../../../../helpers/scripted-server'
import { useTempDir } from '../../../../helpers/temp-dir'

/** Replays from the engine to loopback servers and the Sandbox's simulated Braze. */
describe('replays', () => {
  const tempDir = useTempDir('bridgebench-replay-', 'file')
  let engine: Engine
  let server: ScriptedServer | undefined
  beforeAll(async () => {
    engine = await createTestEngine(tempDir(), { sandbox: true })
  })
  afterEach(async () => {
    await server?.close()
    server = undefined
  })
  afterAll(() => engine.close())

  const fed = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      name: `c${i}`,
      capture: testCapture({ body: trackBody(`u-${1001 + (i % 5)}`) }),
    }))

  async function collect(events: AsyncIterable<RunEvent>, onResult?: () => void) {
    const seen: RunEvent[] = []
    for await (const event of events) {
      seen.push(event)
      if (event.type === 'result') onResult?.()
    }
    return seen
  }

  it("re-signs with Zendesk's test secret and a fresh timestamp, to any URL", async () => {
    server = await startScriptedServer(() => ({ status: 200, body: { ok: true } }))
    const result = await engine.qa.replays.one({
      capture: testCapture(),
      target: { kind: 'url', url: `${server.url}/elsewhere` },
      auth: 'none',
      resign: 'test',
    })
    expect(result).toMatchObject({ passed: true, status: 200, attempts: 1 })
    const seen = server.seen[0]
    expect(seen?.path).toBe('/elsewhere')
    const verdict = verifyZendeskWebhook({
      secret: ZENDESK_TEST_SIGNING_SECRET,
      body: seen?.body ?? '',
      timestamp: seen?.headers['x-zendesk-webhook-signature-timestamp'] as string,
      signature: seen?.headers['x-zendesk-webhook-signature'] as string,
    })
    expect(verdict.ok).toBe(true)
    expect(seen?.headers['x-zendesk-webhook-signature-timestamp']).not.toBe('2026-11-30T10:00:00Z')
  })

  it("waits out Braze's 429 until X-RateLimit-Reset, then passes on the next attempt", async () => {
    let calls = 0
    server = await startScriptedServer(() =>
      ++calls === 1
        ? {
            status: 429,
            body: { message: 'Rate Limited' },
            headers: { 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1) },
          }
        : { status: 201, body: { message: 'success' } },
    )
    const result = await engine.qa.replays.one({
      capture: testCapture(),
      target: { kind: 'url', url: server.url },
      auth: 'none',
    })
    expect(result).toMatchObject({ passed: true, status: 201, attempts: 2 })
  }, 20_000)

  it('reads the users back from the simulated Braze and finds what was sent', async () => {
    const result = await engine.qa.replays.one({
      capture: testCapture({ body: trackBody('u-1003', 'Solved') }),
      target: { kind: 'sandbox' },
      assertions: { readBack: { attributes: 'sent', events: 'sent', delayMs: 0 } },
    })
    expect(result.failures).toEqual([])
    expect(result.passed).toBe(true)
  })

  it('streams one result per fed capture, in a run held to its rate', async () => {
    const events = engine.qa.replays.run(
      { kind: 'feed' },
      {
        target: { kind: 'sandbox' },
        concurrency: 4,
        ratePerSecond: 20,
      },
    )
    const started = performance.now()
    const iterator = events[Symbol.asyncIterator]()
    const first = await iterator.next()
    if (first.done || first.value.type !== 'started') throw new Error('no start')
    const feeding = engine.qa.replays.feed(first.value.summary.runId, fed(10), true)
    const rest = await collect({ [Symbol.asyncIterator]: () => iterator })
    expect(await feeding).toBe(10)
    const finished = rest.at(-1)
    expect(finished).toMatchObject({
      type: 'finished',
      summary: { state: 'finished', done: 10, passed: 10 },
    })
    expect(rest.filter((e) => e.type === 'result')).toHaveLength(10)
    // 10 sends at 20/s: at least about 0.45 s (the first goes at once).
    expect(performance.now() - started).toBeGreaterThan(400)
  })

  it('stops a run when cancelled: what was in flight reports, the rest is never sent', async () => {
    server = await startScriptedServer(() => ({ status: 201, body: { message: 'success' } }))
    const events = engine.qa.replays.run(
      { kind: 'feed' },
      {
        target: { kind: 'url', url: server.url },
        auth: 'none',
        concurrency: 1,
        ratePerSecond: 5,
      },
    )
    const iterator = events[Symbol.asyncIterator]()
    const first = await iterator.next()
    if (first.done || first.value.type !== 'started') throw new Error('no start')
    const runId = first.value.summary.runId
    void engine.qa.replays.feed(runId, fed(50), true).catch(() => undefined)
    const rest = await collect({ [Symbol.asyncIterator]: () => iterator }, () =>
      engine.qa.replays.cancel(runId),
    )
    const finished = rest.at(-1)
    expect(finished).toMatchObject({ type: 'finished', summary: { state: 'cancelled' } })
    expect(server.seen.length).toBeLessThan(5)
  })
})
