import { describe, expect, it } from 'vitest'
import { backoffDelay } from '../../../../../main/core/tunnel/backoff'

describe('backoffDelay', () => {
  const policy = (random: number) => ({ initialMs: 1_000, maxMs: 30_000, random: () => random })

  it('doubles from the first delay', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy(1)))).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ])
  })

  it('never waits longer than the cap, however many attempts', () => {
    expect(backoffDelay(50, policy(0.999_999))).toBeLessThanOrEqual(30_000)
  })

  it('waits at least half of the doubled delay', () => {
    expect(backoffDelay(3, policy(0))).toBe(2_000)
  })
})
