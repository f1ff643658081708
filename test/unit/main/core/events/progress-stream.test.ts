import { describe, expect, it } from 'vitest'
import { streamWhile } from '../../../../../main/core/events/progress-stream'

async function drain<E, R>(stream: AsyncGenerator<E, R>): Promise<{ events: E[]; result: R }> {
  const events: E[] = []
  for (;;) {
    const next = await stream.next()
    if (next.done) return { events, result: next.value }
    events.push(next.value)
  }
}

describe('streamWhile', () => {
  it('yields events as they are reported, in order, then returns the result', async () => {
    const stream = streamWhile<number, string>(async (emit) => {
      emit(1)
      await new Promise((resolve) => setTimeout(resolve, 5))
      emit(2)
      emit(3)
      return 'done'
    })
    expect(await drain(stream)).toEqual({ events: [1, 2, 3], result: 'done' })
  })

  it('delivers events reported just before a failure, then throws it', async () => {
    const seen: number[] = []
    const stream = streamWhile<number, never>(async (emit) => {
      emit(1)
      await Promise.resolve()
      throw new Error('boom')
    })
    await expect(
      (async () => {
        for await (const event of stream) seen.push(event)
      })(),
    ).rejects.toThrow('boom')
    expect(seen).toEqual([1])
  })
})
