import { describe, expect, it } from 'vitest'
import { applyCustom } from '../../../../../../main/core/braze/users-track/attribute-ops'
import { parseAttributeTime } from '../../../../../../main/core/braze/users-track/braze-time'
import {
  inspectNested,
  isNestedAttribute,
  storableNested,
} from '../../../../../../main/core/braze/users-track/nested-attributes'
import { checkTrackBody } from '../../../../../../main/core/braze/users-track/track-validation'

const check = (body: unknown) => checkTrackBody(body, { maxObjects: 75, scope: 'combined' })
const where = (body: unknown) =>
  check(body).problems.map((p) => [p.path, p.code, p.severity, p.effect])
const options = { arrayLimit: 25, mergeObjects: false }

describe('nested custom attributes (reference/braze.md §5.1)', () => {
  it('drops the nested update when a $time in it is malformed (issue 14, case 5)', () => {
    const second = {
      attributes: [
        {
          external_id: 'nca-1',
          important_dates: {
            note: 'y',
            wedding_anniversary: { $time: '28/05/2020 nonsense' },
          },
        },
      ],
    }
    const { plan, problems } = check(second)
    expect(plan.dropNestedAttributes).toBe(true)
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'attributes[0].important_dates.wedding_anniversary',
        code: 'nested-time-invalid',
        severity: 'error',
        effect: 'value',
        message: expect.stringContaining('"28/05/2020 nonsense"'),
      }),
    ])
    const stored: Record<string, unknown> = {
      important_dates: { note: 'x', birthday: { $time: '1980-01-01' } },
    }
    const applied = applyCustom(stored, 'important_dates', second.attributes[0]!.important_dates, {
      ...options,
      dropNested: plan.dropNestedAttributes,
    })
    expect(applied).toBe(false)
    expect(stored).toEqual({ important_dates: { note: 'x', birthday: { $time: '1980-01-01' } } })
  })

  it('keeps the first update of case 5 whole', () => {
    const { plan, problems } = check({
      attributes: [
        {
          external_id: 'nca-1',
          important_dates: { note: 'x', birthday: { $time: '1980-01-01' } },
        },
      ],
    })
    expect(problems).toEqual([])
    expect(plan.dropNestedAttributes).toBe(false)
  })

  it('drops every nested update in the request, in other objects too, and warns at each', () => {
    expect(
      where({
        attributes: [
          { external_id: 'a', address: { city: 'Berlin' }, plan: 'pro' },
          { external_id: 'b', pets: [{ name: 'Rex', born: { $time: 'last spring' } }] },
        ],
      }),
    ).toEqual([
      ['attributes[0].address', 'nested-dropped', 'warning', 'value'],
      ['attributes[1].pets[0].born', 'nested-time-invalid', 'error', 'value'],
    ])
  })

  it('does not keep a nested time whose year is above 3000 or below 0, and keeps the rest', () => {
    const value = {
      note: 'far',
      launch: { $time: '3001-01-01' },
      founded: { $time: '-0001-12-31T00:00:00Z' },
      epoch: { $time: '0000-01-01' },
      last: { $time: '3000-12-31T23:59:59Z' },
    }
    expect(inspectNested(value)).toEqual({ faults: [], outOfRange: [['launch'], ['founded']] })
    expect(storableNested(value)).toEqual({
      note: 'far',
      epoch: { $time: '0000-01-01' },
      last: { $time: '3000-12-31T23:59:59Z' },
    })
    expect(where({ attributes: [{ external_id: 'a', dates: value }] })).toEqual([
      ['attributes[0].dates.launch', 'nested-time-out-of-range', 'warning', 'value'],
      ['attributes[0].dates.founded', 'nested-time-out-of-range', 'warning', 'value'],
    ])
  })

  it('stores nothing for an attribute that is itself a time beyond 3000', () => {
    const target: Record<string, unknown> = { renewal: { $time: '2020-01-01' } }
    expect(applyCustom(target, 'renewal', { $time: '3500-01-01' }, options)).toBe(false)
    expect(target).toEqual({ renewal: { $time: '2020-01-01' } })
  })

  it('treats a null inside a nested attribute as invalid', () => {
    expect(where({ attributes: [{ external_id: 'a', address: { city: null } }] })).toEqual([
      ['attributes[0].address.city', 'nested-null', 'error', 'value'],
    ])
  })

  it('treats a key with a space, "." or "$" as invalid', () => {
    expect(
      inspectNested({ 'home city': 'x', 'v1.2': 1, $price: 2, ok_key: 3 }).faults.map(
        (fault) => fault.at,
      ),
    ).toEqual([['home city'], ['v1.2'], ['$price']])
  })

  it('treats a nested attribute over 100 KB as invalid', () => {
    const big = { blob: 'x'.repeat(100 * 1024) }
    expect(inspectNested(big).faults).toEqual([
      { code: 'nested-too-large', at: [], detail: '101 KB' },
    ])
    expect(inspectNested({ blob: 'x'.repeat(100 * 1024 - 20) }).faults).toEqual([])
  })

  it('tells operations apart from nested values', () => {
    expect(isNestedAttribute({ inc: 1 })).toBe(false)
    expect(isNestedAttribute({ add: ['a'], remove: ['b'] })).toBe(false)
    expect(isNestedAttribute({ $add: [{ id: 1 }] })).toBe(false)
    expect(isNestedAttribute(['a', 'b'])).toBe(false)
    expect(isNestedAttribute([{ id: 1 }])).toBe(true)
    expect(isNestedAttribute({ city: 'Berlin' })).toBe(true)
  })

  it('leaves standard fields such as current_location alone', () => {
    expect(
      where({ attributes: [{ external_id: 'a', current_location: { latitude: null } }] }),
    ).toEqual([])
  })
})

describe('custom attribute times (reference/braze.md §5.1)', () => {
  const iso = (text: string) => parseAttributeTime(text)?.time.toISOString() ?? null

  it('reads every documented format, a time without zone as UTC', () => {
    expect(iso('2020-05-28T09:30:00:123Z')).toBe('2020-05-28T09:30:00.123Z')
    expect(iso('2020-05-28T09:30:00')).toBe('2020-05-28T09:30:00.000Z')
    expect(iso('2020-05-28 09:30:00')).toBe('2020-05-28T09:30:00.000Z')
    expect(iso('2020-05-28')).toBe('2020-05-28T00:00:00.000Z')
    expect(iso('05/28/2020')).toBe('2020-05-28T00:00:00.000Z')
    expect(iso('Thu 05 28 09:30:00.+02:00 2020')).toBe('2020-05-28T07:30:00.000Z')
    expect(iso('2020-05-28T09:30:00+02:00')).toBe('2020-05-28T07:30:00.000Z')
  })

  it('refuses day-first dates, days that do not exist and trailing words', () => {
    expect(parseAttributeTime('28/05/2020 nonsense')).toBeNull()
    expect(parseAttributeTime('28/05/2020')).toBeNull()
    expect(parseAttributeTime('2021-02-29')).toBeNull()
    expect(iso('2020-02-29')).toBe('2020-02-29T00:00:00.000Z')
  })

  it('keeps the written year, so years outside 0–3000 can be told apart', () => {
    expect(parseAttributeTime('3001-01-01')?.year).toBe(3001)
    expect(parseAttributeTime('0045-03-15')?.time.getUTCFullYear()).toBe(45)
  })
})
