import { describe, expect, it } from 'vitest'
import { BoundedQueue } from '../../../../../main/core/replay/bounded-queue'

describe('BoundedQueue', () => {
  it('makes a producer wait while it holds its capacity, and hands items on in order', async () => {
    const queue = new BoundedQueue<number>(2)
    const pushed: number[] = []
    const producer = (async () => {
      for (let i = 0; i < 5; i++) {
        await queue.push(i)
        pushed.push(i)
      }
      queue.close()
    })()
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(pushed).toEqual([0, 1])
    const taken: number[] = []
    for await (const item of queue) taken.push(item)
    await producer
    expect(taken).toEqual([0, 1, 2, 3, 4])
  })

  it('gives the consumer the error it failed with, after what was queued', async () => {
    const queue = new BoundedQueue<number>(4)
    await queue.push(1)
    queue.fail(new Error('disk full'))
    const taken: number[] = []
    await expect(
      (async () => {
        for await (const item of queue) taken.push(item)
      })(),
    ).rejects.toThrow('disk full')
    expect(taken).toEqual([1])
  })
})
