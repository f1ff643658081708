import { describe, expect, it } from 'vitest'
import {
  compareReadBack,
  externalIdsOf,
  readBackSummary,
} from '../../../../../../main/core/braze/users-track/track-read-back'

const SENT_AT = new Date('2026-01-31T09:31:00Z')
const body = {
  attributes: [{ external_id: 'u-1', plan: 'gold', points: 3 }],
  events: [{ external_id: 'u-1', name: 'solved', time: '2026-01-31T09:30:00Z' }],
}

describe('reading a forward back from the profile', () => {
  it('asks for each external id once', () => {
    expect(
      externalIdsOf({ ...body, purchases: [{ external_id: 'u-2' }, { external_id: 'u-1' }] }),
    ).toEqual(['u-1', 'u-2'])
  })

  it('shows which attributes and events arrived, numbers exported as text included', () => {
    const exported = {
      external_id: 'u-1',
      custom_attributes: { plan: 'gold', points: '3' },
      custom_events: [
        { name: 'solved', count: 1, first: '2026-01-31T09:30:00Z', last: '2026-01-31T09:30:00Z' },
      ],
    }
    const [user] = compareReadBack(body, [exported], SENT_AT)
    expect(user?.items.map((item) => [item.name, item.state])).toEqual([
      ['plan', 'arrived'],
      ['points', 'arrived'],
      ['solved', 'arrived'],
    ])
  })

  it('tells a missing profile, a different value and a missing event apart', () => {
    const exported = {
      external_id: 'u-1',
      custom_attributes: { plan: 'silver' },
      custom_events: [],
    }
    const [user] = compareReadBack(body, [exported], SENT_AT)
    expect(user?.items.map((item) => item.state)).toEqual(['differs', 'missing', 'missing'])
    expect(compareReadBack(body, [], SENT_AT)[0]?.found).toBe(false)
  })

  it('counts a time attribute exported in another form of the same instant as arrived', () => {
    const sent = { attributes: [{ external_id: 'u-1', renewal: '2026-02-01T10:00:00Z' }] }
    const exported = {
      external_id: 'u-1',
      custom_attributes: { renewal: '2026-02-01T10:00:00.000Z' },
    }
    expect(compareReadBack(sent, [exported], SENT_AT)[0]?.items[0]?.state).toBe('arrived')
  })

  it('counts an event older than the one sent as not arrived', () => {
    const exported = {
      external_id: 'u-1',
      custom_events: [{ name: 'solved', count: 4, last: '2026-01-30T08:00:00Z' }],
    }
    const [user] = compareReadBack(body, [exported], SENT_AT)
    expect(user?.items.find((item) => item.kind === 'event')?.state).toBe('differs')
  })

  it('sums up what arrived', () => {
    const exported = { external_id: 'u-1', custom_attributes: { plan: 'gold' } }
    expect(readBackSummary(compareReadBack(body, [exported], SENT_AT))).toMatch(/1 of 2 attributes/)
  })
})
