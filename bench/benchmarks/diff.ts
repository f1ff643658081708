import { diffMessages } from '../../main/core/diff/message-diff'
import { OffThread } from '../../main/core/workers/off-thread'
import { workerEntry } from '../../main/core/workers/worker-entry'
import { WorkerPool } from '../../main/core/workers/worker-pool'
import type { DiffMessage } from '../../shared/contract/diffs'
import { repeat, type Benchmark } from '../harness'

/** About 1 MB of JSON: a /users/track body's worth of objects, many times over. */
function body(users: number, changeEvery: number): string {
  const objects = Array.from({ length: users }, (_, i) => ({
    external_id: `u-${100_000 + i}`,
    zendesk_last_ticket_id: String(4_000 + i),
    zendesk_last_ticket_status: changeEvery > 0 && i % changeEvery === 0 ? 'solved' : 'Solved',
    zendesk_last_ticket_subject: `Printer on fire in meeting room ${i % 40}`,
    zendesk_tickets_solved: { inc: 1 },
    tags: ['printer', 'hardware', i % 3 === 0 ? 'urgent' : 'normal'],
    updated_at: `2026-11-30T10:${String(i % 60).padStart(2, '0')}:00Z`,
  }))
  return JSON.stringify({ attributes: objects })
}

function message(data: string): DiffMessage {
  return {
    label: 'side',
    startLine: 'POST /users/track',
    headers: [['Content-Type', 'application/json']],
    body: { encoding: 'utf8', data, size: Buffer.byteLength(data), truncated: false },
  }
}

/**
 * The diff of two 1 MB JSON bodies (thousands of objects matched by `external_id`, 1 % of
 * them changed) against parsing both bodies, the least any JSON diff must do, in this thread and
 * as the app runs it (in a worker of the pool, bodies copied there and the diff back). It must
 * take under 200 ms: at least 5 a second.
 */
export const diffLarge: Benchmark = {
  name: 'diff',
  setup() {
    const users = 3_800
    const leftText = body(users, 0)
    const rightText = body(users, 100)
    const left = message(leftText)
    const right = message(rightText)
    const sizeMb = (Buffer.byteLength(leftText) / 1024 / 1024).toFixed(2)
    const pool = new WorkerPool({ entry: workerEntry(), size: 1 })
    const offThread = new OffThread({ pool, now: () => new Date(0) })
    const check = (diff: Awaited<ReturnType<typeof diffMessages>>) => {
      if (diff.body.mode !== 'json' || diff.body.changes.length !== users / 100)
        throw new Error(`diff: expected ${users / 100} changes, got ${diff.body.mode}`)
    }
    const parseBoth = () =>
      repeat(() => [JSON.parse(leftText) as unknown, JSON.parse(rightText) as unknown], 10)
    return Promise.resolve({
      comparisons: [
        {
          name: `diff: two ${sizeMb} MB JSON bodies (${users} objects matched by key, 1 % changed) vs JSON.parse of both`,
          unit: 'diffs/CPU-s',
          target: null,
          floor: { value: 5, what: 'under 200 ms a diff' },
          baseline: parseBoth,
          subject: () => repeat(() => check(diffMessages({ left, right })), 5),
        },
        {
          name: `diff: the same in a worker (the app's path) vs JSON.parse of both`,
          unit: 'diffs/CPU-s',
          target: null,
          floor: { value: 5, what: 'under 200 ms a diff' },
          baseline: parseBoth,
          subject: () => repeat(async () => check(await offThread.diff({ left, right })), 5),
        },
      ],
      close: () => pool.close(),
    })
  },
}
