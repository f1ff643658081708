import { describe, expect, it } from 'vitest'
import { ForwardQueue } from '../../../../../main/core/forward/forward-queue'

const deferred = () => {
  let resolve: () => void = () => undefined
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('the capture-first forward queue', () => {
  it('runs no more jobs at once than its concurrency', async () => {
    const queue = new ForwardQueue(2, () => undefined)
    let running = 0
    let peak = 0
    const gates = Array.from({ length: 5 }, deferred)
    for (const gate of gates) {
      queue.add(async () => {
        running++
        peak = Math.max(peak, running)
        await gate.promise
        running--
      })
    }
    expect(queue.size).toBe(5)
    for (const gate of gates) gate.resolve()
    await queue.idle()
    expect(peak).toBe(2)
    expect(queue.size).toBe(0)
  })

  it('hands a failing job to onError and goes on', async () => {
    const errors: unknown[] = []
    const queue = new ForwardQueue(1, (error) => errors.push(error))
    const done: string[] = []
    queue.add(() => Promise.reject(new Error('disk full')))
    queue.add(() => Promise.resolve(void done.push('next')))
    await queue.idle()
    expect(errors).toEqual([new Error('disk full')])
    expect(done).toEqual(['next'])
  })

  it('on close, cancels what runs through its signal and drops what waits', async () => {
    const queue = new ForwardQueue(1, () => undefined)
    const seen: string[] = []
    queue.add(
      (signal) =>
        new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            seen.push('aborted')
            resolve()
          }),
        ),
    )
    queue.add(() => Promise.resolve(void seen.push('never')))
    await queue.close()
    queue.add(() => Promise.resolve(void seen.push('after close')))
    expect(seen).toEqual(['aborted'])
  })
})
