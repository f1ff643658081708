import { describe, expect, it } from 'vitest'
import { parseBrazeTime } from '../../../../../../main/core/braze/users-track/braze-time'
import { checkTrackBody } from '../../../../../../main/core/braze/users-track/track-validation'

const limits = { maxObjects: 75, scope: 'per-array' as const }
const check = (body: unknown) => checkTrackBody(body, limits)
const event = { external_id: 'u-1', name: 'opened', time: '2026-01-01T10:00:00Z' }
const purchase = {
  external_id: 'u-1',
  product_id: 'p',
  currency: 'USD',
  price: 9.99,
  time: '2026-01-01',
}
const where = (body: unknown) =>
  check(body).problems.map((p) => [p.path, p.code, p.severity, p.effect])

describe('/users/track validation (reference/braze.md §5.1, §5.2, §5.4)', () => {
  it('accepts each identifier: external_id, braze_id, user_alias, email, phone', () => {
    const { plan, problems } = check({
      attributes: [
        { external_id: 'u-1' },
        { braze_id: 'abc' },
        { user_alias: { alias_name: 'n', alias_label: 'l' } },
        { email: 'a@example.com' },
        { phone: '+14155550101' },
      ],
    })
    expect(problems).toEqual([])
    expect(plan.attributes?.map((o) => o.identifier.kind)).toEqual([
      'external_id',
      'braze_id',
      'user_alias',
      'email',
      'phone',
    ])
  })

  it('uses email over phone when both identify an object', () => {
    const { plan } = check({ attributes: [{ email: 'A@Example.com', phone: '+1' }] })
    expect(plan.attributes?.[0]?.identifier).toEqual({ kind: 'email', value: 'a@example.com' })
  })

  it('only updates existing users for alias objects unless told otherwise', () => {
    const alias = { alias_name: 'n', alias_label: 'l' }
    const { plan } = check({
      attributes: [{ user_alias: alias }, { user_alias: alias, _update_existing_only: false }],
      events: [{ user_alias: alias, name: 'e', time: '2026-01-01' }],
    })
    expect(plan.attributes?.map((o) => o.updateExistingOnly)).toEqual([true, false])
    expect(plan.events?.[0]?.updateExistingOnly).toBe(true)
  })

  it('places a skipped object at its index with Braze’s wording, and keeps the good ones', () => {
    const { plan, problems } = check({
      attributes: [{ external_id: 'u-1' }, { first_name: 'no id' }],
    })
    expect(plan.attributes?.map((o) => o.index)).toEqual([0])
    expect(problems).toEqual([
      {
        path: 'attributes[1]',
        code: 'identifier-required',
        message: "'external_id', 'braze_id', 'user_alias', 'email' or 'phone' is required",
        fix: expect.stringContaining('external_id'),
        severity: 'error',
        effect: 'object',
        object: { array: 'attributes', index: 1 },
      },
    ])
  })

  it('points at the field that is wrong', () => {
    expect(
      where({
        attributes: [
          { external_id: 'u-1', email: 'not-an-email' },
          { external_id: 'undefined' },
          { user_alias: 'x' },
        ],
      }).slice(0, 3),
    ).toEqual([
      ['attributes[0].email', 'invalid-email', 'error', 'object'],
      ['attributes[1].external_id', 'blacklisted-external-id', 'error', 'object'],
      ['attributes[2].user_alias', 'user-alias-invalid', 'error', 'object'],
    ])
  })

  it('refuses the whole request when no object is valid, after listing the skipped ones', () => {
    expect(where({ attributes: [{ external_id: 'u-1', email: 'not-an-email' }] })).toEqual([
      ['attributes[0].email', 'invalid-email', 'error', 'object'],
      ['', 'no-valid-data', 'error', 'request'],
    ])
  })

  it('refuses an empty body, and one that is not an object', () => {
    expect(where({})).toEqual([['', 'no-valid-data', 'error', 'request']])
    expect(where([1, 2])).toEqual([['', 'no-valid-data', 'error', 'request']])
  })

  it('refuses an array that is not a list, at that array', () => {
    expect(where({ events: { name: 'x' } })).toEqual([
      ['events', 'not-an-array', 'error', 'request'],
    ])
  })

  it('refuses more than 75 objects across the three arrays by default, at the body', () => {
    const combined = (body: unknown) => checkTrackBody(body, { maxObjects: 75, scope: 'combined' })
    const attributes = Array.from({ length: 40 }, (_, i) => ({ external_id: `u-${i}` }))
    const events = Array.from({ length: 36 }, () => event)
    const [problem] = combined({ attributes, events }).problems
    expect(problem).toMatchObject({ path: '', code: 'too-many-objects', effect: 'request' })
    expect(problem?.message).toContain('76 objects across')
    expect(combined({ attributes, events: events.slice(1) }).problems).toEqual([])
    expect(check({ attributes, events }).problems).toEqual([])
  })

  it('takes a phone only when Braze can read it, in E.164 or as ten US digits', () => {
    const { plan, problems } = check({
      attributes: [
        { phone: '+44 20 7183 8750' },
        { phone: '(415) 555-2671' },
        { phone: '12345' },
        { phone: '+0123456789' },
      ],
    })
    expect(plan.attributes?.map((o) => o.identifier)).toEqual([
      { kind: 'phone', value: '+442071838750' },
      { kind: 'phone', value: '+14155552671' },
    ])
    expect(problems.map((p) => [p.path, p.code, p.message])).toEqual([
      [
        'attributes[2].phone',
        'invalid-phone',
        "The value provided for the 'phone' field is not a valid phone number.",
      ],
      [
        'attributes[3].phone',
        'invalid-phone',
        "The value provided for the 'phone' field is not a valid phone number.",
      ],
    ])
  })

  it('imports a push token for an anonymous user, without external_id or braze_id', () => {
    const tokens = [{ app_id: 'ios-app', token: 'a1b2c3', device_id: 'd-1' }]
    const { plan, problems } = check({
      attributes: [
        { push_token_import: true, email: 'anon@example.com', push_tokens: tokens },
        { push_token_import: true, external_id: 'u-1', push_tokens: tokens },
        { push_token_import: true, push_tokens: [{ app_id: 'ios-app' }] },
      ],
    })
    expect(plan.attributes?.map((o) => [o.index, o.identifier, o.updateExistingOnly])).toEqual([
      [0, { kind: 'push_token', value: 'a1b2c3' }, false],
    ])
    expect(problems.map((p) => [p.path, p.code, p.message])).toEqual([
      [
        'attributes[1].external_id',
        'push-token-import-with-id',
        "'external_id' must not be sent with 'push_token_import'",
      ],
      [
        'attributes[2].push_tokens',
        'push-token-required',
        "'push_token_import' needs 'push_tokens' with an 'app_id' and a 'token'",
      ],
    ])
  })

  it('skips events whose structured properties pass 100 KB and purchases whose pass 50 KB', () => {
    const chunk = 'x'.repeat(250)
    const many = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, chunk]))
    expect(
      where({
        events: [
          { ...event, properties: { ...many(420), list: ['a'] } },
          { ...event, properties: many(420) },
        ],
        purchases: [
          { ...purchase, properties: many(210) },
          { ...purchase, properties: many(190) },
        ],
      }),
    ).toEqual([
      ['events[0].properties', 'event-properties-too-large', 'error', 'object'],
      ['purchases[0].properties', 'purchase-properties-too-large', 'error', 'object'],
    ])
  })

  it('refuses more than 75 objects in one array', () => {
    const attributes = Array.from({ length: 76 }, (_, i) => ({ external_id: `u-${i}` }))
    const [problem] = check({ attributes }).problems
    expect(problem).toMatchObject({ path: 'attributes', code: 'too-many-objects' })
    expect(problem?.message).toContain('at most 75')
    expect(check({ attributes: attributes.slice(0, 75) }).problems).toEqual([])
  })

  it('needs an event name and a valid time', () => {
    expect(
      where({
        events: [
          { ...event, name: '' },
          { ...event, time: undefined },
          { ...event, time: 'yesterday' },
          event,
        ],
      }),
    ).toEqual([
      ['events[0].name', 'event-name-required', 'error', 'object'],
      ['events[1].time', 'time-required', 'error', 'object'],
      ['events[2].time', 'time-invalid', 'error', 'object'],
    ])
  })

  it('refuses the reserved event property keys time and event_name', () => {
    const { problems } = check({
      events: [
        { ...event, properties: { time: 1 } },
        { ...event, properties: { event_name: 'x' } },
        event,
      ],
    })
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['events[0].properties.time', "'time' is a reserved event property and cannot be used"],
      [
        'events[1].properties.event_name',
        "'event_name' is a reserved event property and cannot be used",
      ],
    ])
  })

  it('quotes a property key that is not an identifier in the path', () => {
    expect(where({ events: [{ ...event, properties: { $bad: 1 } }] })[0]?.[0]).toBe(
      'events[0].properties["$bad"]',
    )
  })

  it('checks purchases: product_id, currency, price and quantity up to 100', () => {
    const { plan, problems } = check({
      purchases: [
        { ...purchase, currency: 'dollars' },
        { ...purchase, price: '9.99' },
        { ...purchase, quantity: 101 },
        { ...purchase, quantity: 100 },
      ],
    })
    expect(problems.map((p) => p.path)).toEqual([
      'purchases[0].currency',
      'purchases[1].price',
      'purchases[2].quantity',
    ])
    expect(plan.purchases?.map((p) => p.index)).toEqual([3])
  })

  it('warns about standard attributes Braze drops or rewrites, without skipping the object', () => {
    const { plan, problems } = check({
      attributes: [
        { external_id: 'u-1', country: 'Spain', gender: 'X', time_zone: 'Mars/Olympus' },
      ],
    })
    expect(plan.attributes).toHaveLength(1)
    expect(problems.map((p) => [p.path, p.code, p.severity, p.effect])).toEqual([
      ['attributes[0].country', 'value-replaced', 'warning', 'value'],
      ['attributes[0].gender', 'value-ignored', 'warning', 'value'],
      ['attributes[0].time_zone', 'value-ignored', 'warning', 'value'],
    ])
    expect(problems[0]?.message).toContain('ISO 3166-1 alpha-2')
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
