import { describe, expect, it } from 'vitest'
import {
  NO_FILTERS,
  hasFilters,
  matchesFilters,
  toQuery,
} from '../../../../../renderer/src/features/inbox/capture-filters'
import { captureSummary } from '../../../../helpers/capture-summary'

const now = new Date('2026-11-30T12:00:00.000Z')
const summary = captureSummary({
  path: '/hooks/braze/users',
  invocationId: '8350205582',
  attempt: 1,
})

describe('the Inbox filters', () => {
  it('ask the API for nothing in particular when empty', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false)
    expect(toQuery(NO_FILTERS, now)).toEqual({})
  })

  it('turn each filter into its query field, time windows ending now', () => {
    const filters = {
      ...NO_FILTERS,
      route: 'braze',
      method: 'POST',
      verdict: 'invalid' as const,
      parse: 'error' as const,
      invocationId: ' 42 ',
      window: '1h' as const,
      search: ' ticket ',
    }
    expect(hasFilters(filters)).toBe(true)
    expect(toQuery(filters, now)).toEqual({
      route: 'braze',
      method: 'POST',
      verdict: 'invalid',
      parseOk: false,
      invocationId: '42',
      since: '2026-11-30T11:00:00.000Z',
      search: 'ticket',
    })
  })

  it('let a live capture in when it matches every filter', () => {
    const filters = { ...NO_FILTERS, route: 'braze', method: 'post', window: '15m' as const }
    expect(matchesFilters(summary, filters, now)).toBe(true)
  })

  it('keep a live capture out when one filter fails', () => {
    expect(matchesFilters(summary, { ...NO_FILTERS, verdict: 'invalid' }, now)).toBe(false)
    expect(
      matchesFilters(summary, { ...NO_FILTERS, window: '15m' }, new Date('2026-11-30T13:00:00Z')),
    ).toBe(false)
  })

  it('match search words in route and path, and leave the body to the index', () => {
    expect(matchesFilters(summary, { ...NO_FILTERS, search: 'BRAZE users' }, now)).toBe(true)
    expect(matchesFilters(summary, { ...NO_FILTERS, search: 'ada@example.com' }, now)).toBe(
      'unknown',
    )
  })
})
