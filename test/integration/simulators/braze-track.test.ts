import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  startBrazeSimulator,
  type BrazeSimulator,
} from '../../../main/core/simulators/braze/braze-simulator'
import type { ExportUserSeed } from '../../../main/core/simulators/braze/profile-store'
import { call } from './support'

const users = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../../fixtures/sample-users.json'), 'utf8'),
) as ExportUserSeed[]
const NO_VALID_DATA =
  "Valid data must be provided in the 'attributes', 'events', or 'purchases' fields."

describe('simulated Braze /users/track (reference/braze.md §5)', () => {
  let braze: BrazeSimulator
  const track = (body: unknown, key = 'rest-key') =>
    call(braze.trackUrl, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body })

  beforeEach(async () => {
    braze = await startBrazeSimulator({ apiKey: 'rest-key', users })
  })
  afterEach(() => braze.close())

  it('answers 201 with the documented success body, counting each array sent', async () => {
    const answer = await track({
      attributes: [{ external_id: 'u-1001', plan: 'pro' }],
      events: [
        { external_id: 'u-1001', name: 'a', time: '2026-01-01T00:00:00Z' },
        { external_id: 'u-1002', name: 'b', time: '2026-01-01T00:00:00Z' },
      ],
      purchases: [
        { external_id: 'u-1001', product_id: 'p', currency: 'USD', price: 5, time: '2026-01-01' },
      ],
    })
    expect(answer.status).toBe(201)
    expect(answer.text).toBe(
      '{"message":"success","attributes_processed":1,"events_processed":2,"purchases_processed":1}',
    )
  })

  it('reports skipped objects as non-fatal errors while processing the rest', async () => {
    const answer = await track({
      attributes: [{ external_id: 'u-1001', plan: 'pro' }, { plan: 'no identifier' }],
    })
    expect(answer.status).toBe(201)
    expect(answer.body).toEqual({
      message: 'success',
      attributes_processed: 1,
      errors: [
        {
          type: "'external_id', 'braze_id', 'user_alias', 'email' or 'phone' is required",
          input_array: 'attributes',
          index: 1,
        },
      ],
    })
    expect(braze.profile('u-1001')?.customAttributes.plan).toBe('pro')
  })

  it('fails with 400 and the fatal message when nothing is valid', async () => {
    const answer = await track({ attributes: [{ external_id: 'u-1001', email: 'nope' }] })
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({
      message: NO_VALID_DATA,
      errors: [
        {
          type: "The value provided for the 'email' field is not a valid email.",
          input_array: 'attributes',
          index: 0,
        },
      ],
    })
  })

  it('refuses more than 75 objects in an array with 400', async () => {
    const attributes = Array.from({ length: 76 }, (_, i) => ({ external_id: `bulk-${i}` }))
    const answer = await track({ attributes })
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({ message: 'Max Input Length Exceeded' })
  })

  it('refuses a missing or wrong key with 401', async () => {
    const answer = await track({ attributes: [{ external_id: 'u-1001' }] }, 'wrong-key-123')
    expect(answer.status).toBe(401)
    expect(answer.body).toEqual({ message: 'Invalid API key: wron…23' })
  })

  it('refuses a key without users.track with 403 Access Denied', async () => {
    braze.updateSettings({ keyPermissions: ['users.export.ids'] })
    const answer = await track({ attributes: [{ external_id: 'u-1001' }] })
    expect(answer.status).toBe(403)
    expect(answer.body).toEqual({ message: 'Access Denied' })
  })

  it('sends X-RateLimit-* headers and answers 429 over budget', async () => {
    braze.updateSettings({ rateLimit: { limit: 2, windowSeconds: 60 } })
    const first = await track({ attributes: [{ external_id: 'u-1001' }] })
    expect(first.headers['x-ratelimit-limit']).toBe('2')
    expect(first.headers['x-ratelimit-remaining']).toBe('1')
    const reset = Number(first.headers['x-ratelimit-reset'])
    expect(reset * 1000).toBeGreaterThan(Date.now())
    expect(reset * 1000).toBeLessThanOrEqual(Date.now() + 61_000)
    await track({ attributes: [{ external_id: 'u-1001' }] })
    const limited = await track({ attributes: [{ external_id: 'u-1001' }] })
    expect(limited.status).toBe(429)
    expect(limited.headers['x-ratelimit-remaining']).toBe('0')
    expect(limited.body).toEqual({ message: 'Rate Limited' })
  })

  it('answers 200 instead of 201 when that switch is set (braze.md §9 Q2)', async () => {
    braze.updateSettings({ successStatus: 200 })
    expect((await track({ attributes: [{ external_id: 'u-1001' }] })).status).toBe(200)
  })

  it('injects 429s, 5xx answers and latency on demand', async () => {
    braze.updateSettings({ faults: { serverErrorRate: 1, serverErrorStatus: 502, latencyMs: 50 } })
    const started = Date.now()
    const failed = await track({ attributes: [{ external_id: 'u-1001' }] })
    expect(failed.status).toBe(502)
    expect(Date.now() - started).toBeGreaterThanOrEqual(45)
    braze.updateSettings({ faults: { serverErrorRate: 0, rateLimitedRate: 1, latencyMs: 0 } })
    expect((await track({ attributes: [{ external_id: 'u-1001' }] })).status).toBe(429)
  })

  describe('profile store', () => {
    it('starts with the sample users', () => {
      expect(braze.profiles().map((p) => p.externalId)).toEqual([
        'u-1001',
        'u-1002',
        'u-1003',
        null,
      ])
      expect(braze.profile('60aa00bb11cc22dd33ee44ff')?.customAttributes).toEqual({
        address: { city: 'Berlin', zip: '10115' },
      })
    })

    it('applies inc, array add/remove, null removal and nested merges', async () => {
      await track({
        attributes: [
          {
            external_id: 'u-1002',
            nps: { inc: 2 },
            favorite_colors: { add: ['blue'], remove: ['red'] },
            plan: null,
            address: { city: 'Madrid' },
          },
          { external_id: 'u-1002', _merge_objects: true, address: { zip: '28001' } },
        ],
      })
      expect(braze.profile('u-1002')?.customAttributes).toEqual({
        favorite_colors: ['green', 'blue'],
        nps: 2,
        address: { city: 'Madrid', zip: '28001' },
      })
    })

    it('leaves a nested attribute as it was when a $time in the update is malformed (issue 14, case 5)', async () => {
      await track({
        attributes: [
          {
            external_id: 'nca-1',
            important_dates: { note: 'x', birthday: { $time: '1980-01-01' } },
          },
        ],
      })
      const answer = await track({
        attributes: [
          {
            external_id: 'nca-1',
            important_dates: {
              note: 'y',
              wedding_anniversary: { $time: '28/05/2020 nonsense' },
            },
          },
        ],
      })
      expect(answer.status).toBe(201)
      expect(answer.body).toEqual({ message: 'success', attributes_processed: 1 })
      expect(braze.profile('nca-1')?.customAttributes).toEqual({
        important_dates: { note: 'x', birthday: { $time: '1980-01-01' } },
      })
    })

    it('keeps the other attributes of a request whose nested update is dropped', async () => {
      await track({
        attributes: [
          { external_id: 'u-1002', plan: 'team', address: { city: 'Madrid' } },
          { external_id: 'u-1003', pets: [{ name: 'Rex', born: { $time: 'spring' } }] },
        ],
      })
      expect(braze.profile('u-1002')?.customAttributes).toMatchObject({ plan: 'team' })
      expect(braze.profile('u-1002')?.customAttributes).not.toHaveProperty('address')
      expect(braze.profile('u-1003')?.customAttributes).not.toHaveProperty('pets')
    })

    it('does not keep nested times with a year above 3000', async () => {
      await track({
        attributes: [
          {
            external_id: 'nca-2',
            important_dates: {
              note: 'far',
              birthday: { $time: '1980-01-01' },
              contract_end: { $time: '3001-01-01T00:00:00Z' },
            },
          },
        ],
      })
      expect(braze.profile('nca-2')?.customAttributes).toEqual({
        important_dates: { note: 'far', birthday: { $time: '1980-01-01' } },
      })
    })

    it('creates an anonymous profile for an imported push token, found again by that token', async () => {
      const push_tokens = [{ app_id: 'ios-app', token: 'tok-1' }]
      await track({ attributes: [{ push_token_import: true, push_tokens, first_name: 'Anon' }] })
      await track({ attributes: [{ push_token_import: true, push_tokens, last_name: 'Ymous' }] })
      const imported = braze.profiles().filter((p) => p.firstName === 'Anon')
      expect(imported).toHaveLength(1)
      expect(imported[0]).toMatchObject({ externalId: null, lastName: 'Ymous' })
      expect(imported[0]?.standardAttributes.push_tokens).toEqual(push_tokens)
    })

    it('finds a user by phone however the number is written, and skips a phone Braze cannot read', async () => {
      await track({ attributes: [{ phone: '+1 (415) 555-2671', first_name: 'Phoebe' }] })
      const answer = await track({
        attributes: [{ phone: '+14155552671', last_name: 'Lee' }, { phone: '555-26' }],
      })
      expect(answer.body).toMatchObject({
        attributes_processed: 1,
        errors: [{ type: "The value provided for the 'phone' field is not a valid phone number." }],
      })
      const phoebe = braze.profiles().filter((p) => p.firstName === 'Phoebe')
      expect(phoebe).toHaveLength(1)
      expect(phoebe[0]?.lastName).toBe('Lee')
    })

    it('refuses 76 objects across the arrays with 400 unless the scope is per array', async () => {
      const attributes = Array.from({ length: 40 }, (_, i) => ({ external_id: `mix-${i}` }))
      const events = Array.from({ length: 36 }, (_, i) => ({
        external_id: `mix-${i}`,
        name: 'e',
        time: '2026-01-01T00:00:00Z',
      }))
      const refused = await track({ attributes, events })
      expect(refused.status).toBe(400)
      expect(refused.body).toEqual({ message: 'Max Input Length Exceeded' })
      braze.updateSettings({ maxObjectsScope: 'per-array' })
      expect((await track({ attributes, events })).status).toBe(201)
    })

    it('sets subscription groups on every profile that shares the email', async () => {
      await track({ attributes: [{ external_id: 'pepe-2', email: 'Pepe@example.es' }] })
      const groups = [{ subscription_group_id: 'sg-news', subscription_state: 'unsubscribed' }]
      await track({ attributes: [{ external_id: 'u-1002', subscription_groups: groups }] })
      expect(braze.profile('pepe-2')?.standardAttributes.subscription_groups).toEqual(groups)
      expect(braze.profile('u-1002')?.standardAttributes.subscription_groups).toEqual(groups)
      expect(braze.profile('u-1001')?.standardAttributes.subscription_groups).toBeUndefined()
    })

    it('creates a profile for an unknown external_id but not when _update_existing_only is set', async () => {
      await track({
        attributes: [
          { external_id: 'new-1', first_name: 'New' },
          { external_id: 'new-2', _update_existing_only: true },
        ],
      })
      expect(braze.profile('new-1')?.firstName).toBe('New')
      expect(braze.profile('new-2')).toBeUndefined()
    })

    it('lands events on the profile timeline, replacing a future time with now', async () => {
      await track({
        events: [
          {
            external_id: 'u-1003',
            name: 'zendesk_ticket_solved',
            time: '2999-01-01T00:00:00Z',
            properties: { ticket_id: '7' },
          },
        ],
      })
      const [entry] = braze.profile('u-1003')!.timeline
      expect(entry).toMatchObject({
        kind: 'event',
        name: 'zendesk_ticket_solved',
        properties: { ticket_id: '7' },
      })
      expect(Date.parse(entry!.time)).toBeLessThanOrEqual(Date.now())
    })
  })

  describe('/users/export/ids (braze.md §6)', () => {
    const exportIds = (body: unknown) =>
      call(`${braze.url}/users/export/ids`, {
        method: 'POST',
        headers: { authorization: 'Bearer rest-key' },
        body,
      })

    it('exports known users and lists unknown ids as invalid_user_ids', async () => {
      await track({
        events: [{ external_id: 'u-1001', name: 'opened', time: '2026-01-02T03:04:05Z' }],
      })
      const answer = await exportIds({
        external_ids: ['u-1001', 'ghost'],
        fields_to_export: ['external_id', 'first_name', 'custom_attributes', 'custom_events'],
      })
      expect(answer.body).toEqual({
        message: 'success',
        users: [
          {
            external_id: 'u-1001',
            first_name: 'Ada',
            custom_attributes: { plan: 'enterprise', nps_score: 3, zendesk_user_id: 381726354 },
            custom_events: [
              {
                name: 'opened',
                first: '2026-01-02T03:04:05.000Z',
                last: '2026-01-02T03:04:05.000Z',
                count: 1,
              },
            ],
          },
        ],
        invalid_user_ids: ['ghost'],
      })
    })

    it('finds a user by email_address', async () => {
      const answer = await exportIds({
        email_address: 'pepe@example.es',
        fields_to_export: ['external_id'],
      })
      expect(answer.body).toEqual({ message: 'success', users: [{ external_id: 'u-1002' }] })
    })

    it('refuses a key without users.export.ids', async () => {
      braze.updateSettings({ keyPermissions: ['users.track'] })
      expect((await exportIds({ external_ids: ['u-1001'] })).status).toBe(403)
    })
  })
})
