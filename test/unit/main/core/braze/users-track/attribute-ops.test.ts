import { describe, expect, it } from 'vitest'
import {
  applyCustom,
  applyStandard,
  standardOutcome,
} from '../../../../../../main/core/braze/users-track/attribute-ops'

const options = { arrayLimit: 25, mergeObjects: false }

describe('custom attribute operations (reference/braze.md §5.1)', () => {
  it('removes an attribute set to null', () => {
    const target: Record<string, unknown> = { plan: 'free' }
    applyCustom(target, 'plan', null, options)
    expect(target).toEqual({})
  })

  it('increments a number with inc, negative too, starting from 0', () => {
    const target: Record<string, unknown> = { visits: 3 }
    applyCustom(target, 'visits', { inc: 2 }, options)
    applyCustom(target, 'credits', { inc: -5 }, options)
    expect(target).toEqual({ visits: 5, credits: -5 })
  })

  it('keeps arrays unique and moves a re-added value to the end', () => {
    const target: Record<string, unknown> = {}
    applyCustom(target, 'food', ['hotdog', 'hotdog', 'pizza'], options)
    expect(target.food).toEqual(['hotdog', 'pizza'])
    applyCustom(target, 'food', { add: ['hotdog', 'sushi'], remove: ['pizza'] }, options)
    expect(target.food).toEqual(['hotdog', 'sushi'])
  })

  it('keeps only the newest values beyond the array limit', () => {
    const target: Record<string, unknown> = {}
    applyCustom(target, 'seen', ['a', 'b', 'c'], { ...options, arrayLimit: 2 })
    expect(target.seen).toEqual(['b', 'c'])
  })

  it('replaces a nested object unless _merge_objects asks for a deep merge', () => {
    const target: Record<string, unknown> = { address: { city: 'Berlin', zip: '10115' } }
    applyCustom(target, 'address', { city: 'Paris' }, options)
    expect(target.address).toEqual({ city: 'Paris' })
    applyCustom(target, 'address', { zip: '75001' }, { ...options, mergeObjects: true })
    expect(target.address).toEqual({ city: 'Paris', zip: '75001' })
  })
})

describe('standard attributes (reference/braze.md §5.1)', () => {
  it('maps an unmappable country to null and uppercases a valid one', () => {
    const target: Record<string, unknown> = {}
    applyStandard(target, 'country', 'gb')
    expect(target.country).toBe('GB')
    applyStandard(target, 'country', 'Great Britain')
    expect(target.country).toBeNull()
  })

  it('ignores an invalid time zone and keeps a valid IANA one', () => {
    const target: Record<string, unknown> = {}
    expect(applyStandard(target, 'time_zone', 'Mars/Olympus')).toBe(false)
    expect(applyStandard(target, 'time_zone', 'Europe/Madrid')).toBe(true)
    expect(target).toEqual({ time_zone: 'Europe/Madrid' })
  })

  it('updates only the subscription groups sent and leaves the others', () => {
    const target: Record<string, unknown> = {
      subscription_groups: [
        { subscription_group_id: 'news', subscription_state: 'subscribed' },
        { subscription_group_id: 'sms', subscription_state: 'subscribed' },
      ],
    }
    applyStandard(target, 'subscription_groups', [
      { subscription_group_id: 'sms', subscription_state: 'unsubscribed' },
      { subscription_group_id: 'offers', subscription_state: 'subscribed' },
    ])
    expect(target.subscription_groups).toEqual([
      { subscription_group_id: 'news', subscription_state: 'subscribed' },
      { subscription_group_id: 'sms', subscription_state: 'unsubscribed' },
      { subscription_group_id: 'offers', subscription_state: 'subscribed' },
    ])
  })

  it('leaves out subscription group entries without an id or a valid state, and says which', () => {
    const outcome = standardOutcome('subscription_groups', [
      { subscription_group_id: 'news', subscription_state: 'opted_in' },
      { subscription_group_id: 'sms', subscription_state: 'unsubscribed' },
    ])
    expect(outcome).toEqual({
      kind: 'replaced',
      value: [{ subscription_group_id: 'sms', subscription_state: 'unsubscribed' }],
      why: expect.stringContaining('entries [0]'),
    })
  })
})
