import { describe, expect, it } from 'vitest'
import {
  parseBrazeTime,
  validateTrack,
} from '../../../../../../main/core/simulators/braze/track-validation'

const NO_VALID_DATA =
  "Valid data must be provided in the 'attributes', 'events', or 'purchases' fields."
const event = { external_id: 'u-1', name: 'opened', time: '2026-01-01T10:00:00Z' }

describe('/users/track validation (reference/braze.md §5.1, §5.2, §5.4)', () => {
  it('accepts each identifier: external_id, braze_id, user_alias, email, phone', () => {
    const checked = validateTrack(
      {
        attributes: [
          { external_id: 'u-1' },
          { braze_id: 'abc' },
          { user_alias: { alias_name: 'n', alias_label: 'l' } },
          { email: 'a@example.com' },
          { phone: '+14155550101' },
        ],
      },
      75,
    )
    expect(checked.ok && checked.plan.attributes?.map((o) => o.identifier.kind)).toEqual([
      'external_id',
      'braze_id',
      'user_alias',
      'email',
      'phone',
    ])
  })

  it('uses email over phone when both identify an object', () => {
    const checked = validateTrack({ attributes: [{ email: 'A@Example.com', phone: '+1' }] }, 75)
    expect(checked.ok && checked.plan.attributes?.[0]?.identifier).toEqual({
      kind: 'email',
      value: 'a@example.com',
    })
  })

  it('only updates existing users for alias objects unless told otherwise', () => {
    const alias = { alias_name: 'n', alias_label: 'l' }
    const checked = validateTrack(
      {
        attributes: [{ user_alias: alias }, { user_alias: alias, _update_existing_only: false }],
        events: [{ user_alias: alias, name: 'e', time: '2026-01-01' }],
      },
      75,
    )
    expect(checked.ok && checked.plan.attributes?.map((o) => o.updateExistingOnly)).toEqual([
      true,
      false,
    ])
    expect(checked.ok && checked.plan.events?.[0]?.updateExistingOnly).toBe(true)
  })

  it('reports a bad object as {type, input_array, index} and keeps the good ones', () => {
    const checked = validateTrack(
      { attributes: [{ external_id: 'u-1' }, { first_name: 'no id' }] },
      75,
    )
    expect(checked).toMatchObject({
      ok: true,
      plan: {
        errors: [
          {
            type: "'external_id', 'braze_id', 'user_alias', 'email' or 'phone' is required",
            input_array: 'attributes',
            index: 1,
          },
        ],
      },
    })
  })

  it('fails the whole request with 400 when no object is valid', () => {
    expect(
      validateTrack({ attributes: [{ external_id: 'u-1', email: 'not-an-email' }] }, 75),
    ).toEqual({
      ok: false,
      status: 400,
      body: {
        message: NO_VALID_DATA,
        errors: [
          {
            type: "The value provided for the 'email' field is not a valid email.",
            input_array: 'attributes',
            index: 0,
          },
        ],
      },
    })
  })

  it('fails an empty request with the same message and no errors list', () => {
    expect(validateTrack({}, 75)).toEqual({
      ok: false,
      status: 400,
      body: { message: NO_VALID_DATA },
    })
  })

  it('refuses more than 75 objects in one array', () => {
    const attributes = Array.from({ length: 76 }, (_, i) => ({ external_id: `u-${i}` }))
    expect(validateTrack({ attributes }, 75)).toEqual({
      ok: false,
      status: 400,
      body: { message: 'Max Input Length Exceeded' },
    })
    expect(validateTrack({ attributes: attributes.slice(0, 75) }, 75).ok).toBe(true)
  })

  it('refuses dummy external ids such as "undefined"', () => {
    const checked = validateTrack(
      { attributes: [{ external_id: 'undefined' }, { external_id: 'u-1' }] },
      75,
    )
    expect(checked.ok && checked.plan.errors[0]?.type).toBe(
      'provided external_id is blacklisted and disallowed',
    )
  })

  it('needs an event name and a valid time', () => {
    const checked = validateTrack(
      {
        events: [
          { ...event, name: '' },
          { ...event, time: undefined },
          { ...event, time: 'yesterday' },
          event,
        ],
      },
      75,
    )
    expect(checked.ok && checked.plan.errors.map((e) => [e.index, e.type])).toEqual([
      [0, "'name' is required"],
      [1, "'time' is required"],
      [2, "'time' must be an ISO 8601 time"],
    ])
  })

  it('refuses the reserved event property keys time and event_name', () => {
    const checked = validateTrack(
      {
        events: [
          { ...event, properties: { time: 1 } },
          { ...event, properties: { event_name: 'x' } },
          event,
        ],
      },
      75,
    )
    expect(checked.ok && checked.plan.errors.map((e) => e.type)).toEqual([
      "'time' is a reserved event property and cannot be used",
      "'event_name' is a reserved event property and cannot be used",
    ])
  })

  it('checks purchases: product_id, currency, price and quantity up to 100', () => {
    const purchase = {
      external_id: 'u-1',
      product_id: 'p',
      currency: 'USD',
      price: 9.99,
      time: '2026-01-01',
    }
    const checked = validateTrack(
      {
        purchases: [
          { ...purchase, currency: 'dollars' },
          { ...purchase, price: '9.99' },
          { ...purchase, quantity: 101 },
          { ...purchase, quantity: 100 },
        ],
      },
      75,
    )
    expect(checked.ok && checked.plan.errors.map((e) => e.index)).toEqual([0, 1, 2])
    expect(checked.ok && checked.plan.purchases?.map((p) => p.index)).toEqual([3])
  })

  it("parses ISO 8601 to the minute (Zendesk's updated_at_with_timestamp) and Braze's colon-millis form", () => {
    expect(parseBrazeTime('2013-12-12T05:35Z')?.toISOString()).toBe('2013-12-12T05:35:00.000Z')
    expect(parseBrazeTime('2013-12-12T05:35:10:123Z')?.toISOString()).toBe(
      '2013-12-12T05:35:10.123Z',
    )
    expect(parseBrazeTime('2013-12-12T05:35:10+02:00')?.toISOString()).toBe(
      '2013-12-12T03:35:10.000Z',
    )
    expect(parseBrazeTime('2013-12-12')?.toISOString()).toBe('2013-12-12T00:00:00.000Z')
    expect(parseBrazeTime('12/12/2013 noon')).toBeNull()
  })
})
