import { MessageChannel } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { RubyFloat, rubyFloat } from '../../../../../shared/numbers/ruby-float'
import {
  arrived,
  crossing,
  packFloats,
  unpackFloats,
  type Crossing,
} from '../../../../../main/core/workers/transfer'

/** What a worker receives: the value after a structured clone through a message port. */
function postedThrough(value: unknown): Promise<unknown> {
  const { port1, port2 } = new MessageChannel()
  return new Promise((resolve) => {
    port2.once('message', (message: unknown) => {
      port1.close()
      port2.close()
      resolve(message)
    })
    port1.postMessage(value)
  })
}

describe('values crossing to a worker', () => {
  it('keep a whole Float such as 2.0 a Float, deep in a user', async () => {
    const user = {
      external_id: 'u-1',
      custom_attributes: { score: rubyFloat(2), tags: [rubyFloat(3)] },
    }
    const arrived = unpackFloats(await postedThrough(packFloats(user))) as typeof user
    expect(arrived.custom_attributes.score).toBeInstanceOf(RubyFloat)
    expect(String(arrived.custom_attributes.score)).toBe('2.0')
    expect(arrived.custom_attributes.tags[0]).toBeInstanceOf(RubyFloat)
  })

  it('are not copied when they hold no Float', () => {
    const user = {
      external_id: 'u-1',
      custom_attributes: { score: 2, ratio: 0.5, at: new Date(0) },
    }
    expect(packFloats(user)).toBe(user)
    expect(unpackFloats(user)).toBe(user)
  })

  it('keep a key named __proto__ as data', () => {
    const attributes = JSON.parse('{"__proto__": {"x": 1}, "f": 1}') as Record<string, unknown>
    attributes.f = rubyFloat(1)
    const packed = packFloats(attributes)
    expect(Object.keys(packed)).toEqual(['__proto__', 'f'])
    expect(Object.getPrototypeOf(packed)).toBe(Object.prototype)
  })
})

describe('a crossing', () => {
  it('says whether the value held a Float, so the far side walks it only then', async () => {
    const rows = [{ userId: 'u-1', counts: { error: 0 } }]
    const plain = crossing(rows)
    expect(plain).toEqual({ value: rows, floats: false })
    expect(arrived(plain)).toBe(rows)

    const user = { custom_attributes: { score: rubyFloat(2) } }
    const posted = (await postedThrough(crossing(user))) as Crossing<typeof user>
    expect(posted.floats).toBe(true)
    expect(String(arrived(posted).custom_attributes.score)).toBe('2.0')
  })
})
