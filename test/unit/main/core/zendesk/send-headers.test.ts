import { describe, expect, it } from 'vitest'
import {
  authorizationPolicy,
  idempotencyKeyOf,
  sendHeaders,
} from '../../../../../main/core/zendesk/send-headers'

const PROFILE = 'Bearer profile-token'
const BRAZE_DOCS_AUTH = `Basic ${Buffer.from('<email_address>/token:<api_token>').toString('base64')}`

describe('the headers of a test send', () => {
  it("sends the template's rendered headers, names and order as typed", () => {
    const sent = sendHeaders(
      { 'X-Probe': 'hello Ada', Authorization: 'Bearer abc', 'Content-Type': 'application/json' },
      'as-rendered',
      null,
      'key-1',
    )
    expect(sent).toEqual({
      headers: [
        ['X-Probe', 'hello Ada'],
        ['Authorization', 'Bearer abc'],
        ['Content-Type', 'application/json'],
        ['Idempotency-Key', 'key-1'],
      ],
      authorization: 'as-rendered',
    })
  })

  it("puts the profile's credentials in the Authorization header's place when asked", () => {
    const sent = sendHeaders(
      { Authorization: BRAZE_DOCS_AUTH, 'X-Probe': 'p' },
      'profile',
      PROFILE,
      'key-1',
    )
    expect(sent.headers.slice(0, 2)).toEqual([
      ['Authorization', PROFILE],
      ['X-Probe', 'p'],
    ])
    expect(sent.authorization).toBe('profile')
  })

  it('records that no Authorization went out when the template has none and it is sent as rendered', () => {
    const sent = sendHeaders({ 'Content-Type': 'application/json' }, 'as-rendered', null, 'k')
    expect(sent.authorization).toBe('none')
    expect(sent.headers.map(([name]) => name)).toEqual(['Content-Type', 'Idempotency-Key'])
  })

  it("keeps the template's own Idempotency-Key for every retry", () => {
    expect(idempotencyKeyOf({ 'idempotency-key': ' mine ' }, 'fresh')).toBe('mine')
    expect(idempotencyKeyOf({}, 'fresh')).toBe('fresh')
  })

  it.each([
    [{}, 'missing', 'profile'],
    [{ Authorization: '  ' }, 'missing', 'profile'],
    [{ Authorization: BRAZE_DOCS_AUTH }, 'placeholder', 'profile'],
    [{ authorization: 'Bearer <your token>' }, 'placeholder', 'profile'],
    [{ Authorization: 'Bearer abc123' }, 'present', 'as-rendered'],
  ])('defaults %j to the %s policy', (headers, header, suggested) => {
    expect(authorizationPolicy(headers)).toEqual({ header, suggested })
  })
})
