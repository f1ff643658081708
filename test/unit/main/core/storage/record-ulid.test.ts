import { describe, expect, it } from 'vitest'
import { ULID_PATTERN } from '../../../../../shared/contract/ids'
import { pooledRandom, recordUlidFactory } from '../../../../../main/core/storage/record-ulid'

describe('record ULIDs', () => {
  it('draws fractions in [0, 1) from the pool, past its refill', () => {
    const random = pooledRandom()
    const draws = Array.from({ length: 10_000 }, random)
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true)
    // 10,000 draws cross two refills: still spread over the whole range.
    expect(new Set(draws.map((x) => Math.floor(x * 32))).size).toBe(32)
  })

  it('makes ids that sort in the order made, within one millisecond too', () => {
    const next = recordUlidFactory()
    const ids = Array.from({ length: 1_000 }, () => next(1_790_000_000_000))
    expect(ids.every((id) => ULID_PATTERN.test(id))).toBe(true)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('gives two factories different random parts', () => {
    expect(recordUlidFactory()(1_790_000_000_000)).not.toBe(recordUlidFactory()(1_790_000_000_000))
  })
})
