import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { open, readdir, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { monotonicFactory } from 'ulid'
import { z } from 'zod'
import { recordId } from '../../shared/contract/ids'
import { rawRequest } from '../../shared/contract/raw-http'
import { ExchangeStore } from '../../main/core/captures/exchange-store'
import { toRawBody } from '../../main/core/net/raw-record'
import { RecordStore } from '../../main/core/storage/record-store'
import { SNAPSHOT_FILE } from '../../main/core/storage/record-snapshot'
import type { Benchmark } from '../harness'

/**
 * The durable record store, each part against a bare baseline in the same run, in interleaved
 * rounds (best round of each):
 * (a) opening a folder of 10,000 exchanges and listing the newest 100, against reading the same
 *     files with a bare readdir + readFile loop; the target is the "under 1 s";
 * (b) durable puts (resolved only once on disk) from 50 concurrent writers, against a bare
 *     append + fdatasync loop with the same group commit: the floor any durable store has here.
 */

const RECORDS = 10_000
const WRITERS = 50
const nextId = monotonicFactory()

/** A webhook as the receiver will capture it (about 1.3 KB as a record). */
const CAPTURE_BODY = JSON.stringify({
  ticket: {
    id: 4711,
    subject: 'Printer on fire in the third-floor meeting room',
    status: 'solved',
    requester: { name: 'Ada Lovelace', email: 'ada@example.com', external_id: 'u-1001' },
    tags: ['printer', 'hardware', 'urgent'],
    latest_comment: 'We replaced the fuser; please confirm it works.',
  },
})
const capture = z.object({ id: recordId, request: rawRequest })
type Capture = z.infer<typeof capture>

function aCapture(): Capture {
  return {
    id: nextId(),
    request: {
      method: 'POST',
      url: '/hooks/zendesk',
      headers: [
        ['Host', 'example.trycloudflare.com'],
        ['Content-Type', 'application/json; charset=utf-8'],
        ['X-Zendesk-Webhook-Id', '01HX3C0M5P5E5V0Y1QK9M3E2R7'],
        ['X-Zendesk-Webhook-Invocation-Id', '8350205582431'],
        ['X-Zendesk-Webhook-Signature', 'u8vZzmlZ3kQ8Vd3z9b8Y6m6n8Q2xT7c1r0w4e5t6y7U='],
        ['X-Zendesk-Webhook-Signature-Timestamp', '2026-11-30T12:00:00Z'],
      ],
      body: toRawBody(CAPTURE_BODY),
      at: '2026-11-30T12:00:00.123456Z',
    },
  }
}

// ---- (a) open 10,000 and list the newest 100 -------------------------------------------------

/** Writes RECORDS exchange files as the store keeps them (pretty JSON, current version). */
function seedExchanges(dataFolder: string): void {
  const folder = path.join(dataFolder, 'exchanges')
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  for (let i = 0; i < RECORDS; i++) {
    const id = nextId()
    const at = new Date().toISOString()
    const record = {
      schemaVersion: 1,
      id,
      kind: 'zendesk-ticket-create',
      startedAt: at,
      state: 'done',
      profileId: 'p-1a2b3c4d',
      idempotencyKey: `bridgebench-${id}`,
      authorization: 'profile',
      attempts: [
        {
          attempt: 1,
          state: 'answered',
          request: {
            ...aCapture().request,
            method: 'POST',
            url: 'https://acme.zendesk.com/api/v2/tickets.json',
          },
          response: {
            status: 201,
            statusText: 'Created',
            headers: [['Content-Type', 'application/json; charset=utf-8']],
            body: toRawBody(JSON.stringify({ ticket: { id: 1000 + i, status: 'new' } })),
            at: '2026-11-30T12:00:00.223456Z',
          },
          timings: { dns: 1, connect: 2, tls: 12, firstByte: 80, total: 96 },
          error: null,
          retry: null,
        },
      ],
      correlation: { ticketId: String(1000 + i), template: 'Seed' },
    }
    writeFileSync(path.join(folder, `${id}.json`), `${JSON.stringify(record, null, 2)}\n`, {
      mode: 0o600,
    })
  }
}

/** Baseline: a bare readdir + readFile loop over the same files. */
export async function readAllFiles(folder: string): Promise<number> {
  let bytes = 0
  for (const name of await readdir(folder))
    bytes += (await readFile(path.join(folder, name))).length
  return bytes
}

/** Subject: open the exchange store on the folder and list the newest 100. */
export async function openAndList(dataFolder: string): Promise<void> {
  const store = await ExchangeStore.open(dataFolder)
  const page = await store.list({ limit: 100 })
  await store.close()
  if (page.items.length !== 100) throw new Error(`Listed ${page.items.length}, not 100.`)
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await run()
  return performance.now() - started
}

// ---- (b) durable puts from 50 writers ---------------------------------------------------------

/** Runs `put` from WRITERS concurrent writers for `seconds`; puts per second. */
async function concurrentPuts(seconds: number, put: () => Promise<void>): Promise<number> {
  let done = 0
  const until = performance.now() + seconds * 1000
  const started = performance.now()
  const writer = async () => {
    while (performance.now() < until) {
      await put()
      done += 1
    }
  }
  await Promise.all(Array.from({ length: WRITERS }, writer))
  return done / ((performance.now() - started) / 1000)
}

/** Baseline: append the same bytes to one file, one write + fdatasync per batch of waiters. */
export async function bareGroupCommit(folder: string, seconds: number): Promise<number> {
  const handle = await open(path.join(folder, 'bare.log'), 'a', 0o600)
  const frame = Buffer.from(JSON.stringify({ schemaVersion: 1, ...aCapture() }))
  const waiting: Array<() => void> = []
  let busy = false
  const drain = async () => {
    busy = true
    while (waiting.length > 0) {
      const batch = waiting.splice(0)
      await handle.write(Buffer.concat(batch.map(() => frame)))
      await handle.datasync()
      for (const resolve of batch) resolve()
    }
    busy = false
  }
  const rate = await concurrentPuts(seconds, async () => {
    await new Promise<void>((resolve) => {
      waiting.push(resolve)
      if (!busy) void drain()
    })
  })
  await handle.close()
  return rate
}

/** Subject: RecordStore.put of capture records, each resolved once durable. */
export async function storePuts(
  folder: string,
  seconds: number,
): Promise<{ rate: number; batches: readonly number[] }> {
  const store = await RecordStore.open({
    folder,
    noun: 'capture',
    schema: capture,
    migrations: [{ to: 1, describe: 'captures', up: (d) => d }],
    summarize: (c) => ({ method: c.request.method, size: c.request.body.size }),
  })
  const rate = await concurrentPuts(seconds, () => store.put(aCapture()))
  const batches = [...store.commitBatchSizes()]
  await store.close()
  return { rate, batches }
}

/** Files per second the background materialiser turns journal entries into. */
async function materialiseRate(folder: string, count: number): Promise<number> {
  const store = await RecordStore.open({
    folder,
    noun: 'capture',
    schema: capture,
    migrations: [{ to: 1, describe: 'captures', up: (d) => d }],
    summarize: () => null,
  })
  await Promise.all(Array.from({ length: count }, () => store.put(aCapture())))
  const started = performance.now()
  await store.flush()
  const rate = count / ((performance.now() - started) / 1000)
  await store.close()
  return rate
}

export const recordStore: Benchmark = {
  name: 'record-store',
  async setup({ duration }) {
    const root = mkdtempSync(path.join(process.env.BENCH_TMP ?? os.tmpdir(), 'bb-records-'))
    const dataFolder = path.join(root, 'data')
    seedExchanges(dataFolder)
    const exchanges = path.join(dataFolder, 'exchanges')
    // Once, for the note: the first open reads every file (no index snapshot yet).
    rmSync(path.join(exchanges, SNAPSHOT_FILE), { force: true })
    const coldOpen = await timed(() => openAndList(dataFolder))
    const seconds = Math.max(1, Math.min(duration, 3))
    let batches: readonly number[] = []
    let round = 0
    const filesPerSecond = await materialiseRate(path.join(root, 'materialise'), 2_000)
    return {
      comparisons: [
        {
          name: `record-store: open ${RECORDS.toLocaleString('en-US')} exchanges + list newest 100, vs bare readdir+readFile`,
          unit: 'records/s',
          per: 'measured',
          baseline: async () => RECORDS / ((await timed(() => readAllFiles(exchanges))) / 1000),
          subject: async () => RECORDS / ((await timed(() => openAndList(dataFolder))) / 1000),
          target: null,
          // Under 1 s for 10,000 records.
          floor: { value: RECORDS, what: 'open + list under 1 s' },
          minRounds: 3,
          note: `the first open, with no index snapshot, took ${Math.round(coldOpen)} ms`,
        },
        {
          name: `record-store: durable puts, ${WRITERS} concurrent writers, vs bare append+fdatasync group commit`,
          unit: 'puts/s',
          per: 'measured',
          baseline: () =>
            bareGroupCommit(mkdtempSync(path.join(root, `bare-${round++}-`)), seconds),
          subject: async () => {
            const measured = await storePuts(path.join(root, `store-${round++}`), seconds)
            batches = measured.batches
            return measured.rate
          },
          target: null,
          get note() {
            const mean = batches.reduce((a, b) => a + b, 0) / Math.max(1, batches.length)
            return `fsync batch: mean ${mean.toFixed(1)}, max ${Math.max(0, ...batches)} puts; files materialised afterwards at ${Math.round(filesPerSecond)}/s (one fdatasync each)`
          },
        },
      ],
      close: () => Promise.resolve(rmSync(root, { recursive: true, force: true })),
    }
  },
}
