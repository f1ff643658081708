import { describe, expect, it } from 'vitest'
import { EventHub } from '../../../../../main/core/events/event-hub'

describe('EventHub', () => {
  it('delivers events emitted after subscribing, even before the first read', async () => {
    const hub = new EventHub<number>()
    const stop = new AbortController()
    const stream = hub.subscribe(stop.signal)
    hub.emit(1)
    hub.emit(2)
    const first = await stream.next()
    const second = await stream.next()
    expect([first.value, second.value]).toEqual([1, 2])
    stop.abort()
  })

  it('ends the stream quietly and drops its listener when the signal aborts', async () => {
    const hub = new EventHub<string>()
    const stop = new AbortController()
    const seen: string[] = []
    const done = (async () => {
      for await (const event of hub.subscribe(stop.signal)) seen.push(event)
    })()
    hub.emit('a')
    await new Promise((resolve) => setTimeout(resolve, 5))
    stop.abort()
    await done
    expect(seen).toEqual(['a'])
    expect(hub.listenerCount()).toBe(0)
  })

  it('fans out to every subscriber', async () => {
    const hub = new EventHub<string>()
    const a = hub.subscribe()
    const b = hub.subscribe()
    hub.emit('x')
    expect((await a.next()).value).toBe('x')
    expect((await b.next()).value).toBe('x')
    await a.return(undefined)
    await b.return(undefined)
    expect(hub.listenerCount()).toBe(0)
  })
})
