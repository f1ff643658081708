import { describe, expect, it } from 'vitest'
import { IdempotencyStore } from '../../../../../../main/core/simulators/zendesk/idempotency'

const body = Buffer.from('{"ticket":{"subject":"Hi","comment":{"body":"x"}}}')
const stored = {
  status: 201,
  body: { ticket: { id: 1 } },
  headers: { location: '/tickets/1.json' },
}

describe('Idempotency-Key on ticket create (reference/zendesk.md §2.1)', () => {
  it('is a miss the first time', () => {
    expect(new IdempotencyStore().lookup('k', body, 0)).toEqual({ kind: 'miss' })
  })

  it('is a hit with the stored answer for the same body, even re-spaced', () => {
    const store = new IdempotencyStore()
    store.remember('k', body, stored, 0)
    const respaced = Buffer.from('{ "ticket": { "subject": "Hi", "comment": { "body": "x" } } }')
    expect(store.lookup('k', respaced, 1000)).toEqual({ kind: 'hit', response: stored })
  })

  it('is a mismatch for the same key with a different body', () => {
    const store = new IdempotencyStore()
    store.remember('k', body, stored, 0)
    expect(store.lookup('k', Buffer.from('{"ticket":{}}'), 1000)).toEqual({ kind: 'mismatch' })
  })

  it('forgets a key after 2 hours', () => {
    const store = new IdempotencyStore()
    store.remember('k', body, stored, 0)
    expect(store.lookup('k', body, 2 * 60 * 60 * 1000 - 1).kind).toBe('hit')
    expect(store.lookup('k', body, 2 * 60 * 60 * 1000).kind).toBe('miss')
  })
})
