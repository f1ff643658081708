import { describe, expect, it } from 'vitest'
import { RecordIndex } from '../../../../../main/core/storage/record-index'

/** A small deterministic generator, so a failure names a sequence that can be replayed. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
}

const idOf = (n: number) => String(n).padStart(8, '0')

describe('the record index', () => {
  it('keeps ids sorted and pages them newest first while retention drops the oldest', () => {
    const next = random(7)
    const index = new RecordIndex<{ n: number }>()
    const model: number[] = []
    let newest = 1_000
    for (let step = 0; step < 5_000; step++) {
      const roll = next()
      if (roll < 0.55) {
        // Mostly newer ids, sometimes one that arrives out of order.
        newest += 1
        const n = next() < 0.9 ? newest : Math.floor(next() * newest)
        if (!model.includes(n)) model.push(n)
        index.set(idOf(n), { n })
      } else if (roll < 0.7) {
        const count = Math.floor(next() * 4)
        model.sort((a, b) => a - b)
        expect(index.dropOldest(count)).toEqual(model.splice(0, count).map(idOf))
      } else if (roll < 0.8) {
        const n = model[Math.floor(next() * model.length)]
        if (n === undefined) continue
        model.splice(model.indexOf(n), 1)
        expect(index.delete(idOf(n))).toBe(true)
      } else if (roll < 0.85) {
        const bound = Math.floor(next() * newest)
        model.sort((a, b) => a - b)
        const older = model.filter((n) => n < bound)
        model.splice(0, older.length)
        expect(index.dropBefore(idOf(bound))).toEqual(older.map(idOf))
      } else {
        const sorted = [...model].sort((a, b) => b - a)
        const limit = 1 + Math.floor(next() * 5)
        const before = next() < 0.5 ? undefined : idOf(Math.floor(next() * newest))
        const expected = sorted.filter((n) => before === undefined || idOf(n) < before)
        const page = index.list({ limit, ...(before === undefined ? {} : { before }) })
        expect(page.items.map((item) => item.id)).toEqual(expected.slice(0, limit).map(idOf))
        expect(page.nextCursor).toBe(
          expected.length > limit ? idOf(expected[limit - 1] ?? 0) : null,
        )
      }
      expect(index.size).toBe(model.length)
    }
    expect(index.list({ limit: 100_000 }).items.map((item) => item.summary.n)).toEqual(
      [...model].sort((a, b) => b - a),
    )
  })
})
