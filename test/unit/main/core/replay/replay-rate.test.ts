import { describe, expect, it } from 'vitest'
import { RateLimiter } from '../../../../../main/core/replay/replay-rate'

/** A clock that only moves when the limiter sleeps. */
function fakeTime() {
  let now = 0
  const sleeps: number[] = []
  return {
    now: () => now,
    sleep: (ms: number) => {
      sleeps.push(ms)
      now += ms
      return Promise.resolve()
    },
    sleeps,
    elapsed: () => now,
  }
}

describe('RateLimiter', () => {
  it('lets N sends through in about N / rate seconds', async () => {
    const time = fakeTime()
    const limiter = new RateLimiter({ ratePerSecond: 100, now: time.now, sleep: time.sleep })
    for (let i = 0; i < 1_000; i++) await limiter.take()
    expect(time.elapsed()).toBeGreaterThanOrEqual(9_800)
    expect(time.elapsed()).toBeLessThanOrEqual(10_000)
  })

  it('holds every sender during a pause (a 429 until its reset)', async () => {
    const time = fakeTime()
    const limiter = new RateLimiter({ ratePerSecond: 1_000, now: time.now, sleep: time.sleep })
    await limiter.take()
    limiter.pauseFor(3_000)
    await limiter.take()
    expect(time.elapsed()).toBeGreaterThanOrEqual(3_000)
  })

  it('stops waiting when the run is cancelled', async () => {
    const limiter = new RateLimiter({ ratePerSecond: 0.001 })
    await limiter.take()
    const cancel = new AbortController()
    const waiting = limiter.take(cancel.signal)
    cancel.abort()
    await expect(waiting).rejects.toThrow(/cancelled/)
  })
})
