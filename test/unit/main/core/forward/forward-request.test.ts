import { describe, expect, it } from 'vitest'
import type { RawHeaders } from '../../../../../shared/contract/raw-http'
import { ForwardError } from '../../../../../main/core/forward/forward-error'
import {
  forwardHeaders,
  forwardPath,
  forwardUrl,
  withoutHopByHop,
} from '../../../../../main/core/forward/forward-request'

const capture = (
  headers: RawHeaders,
  sealed: Array<{ index: number; cipherText: string }> = [],
) => ({
  request: {
    method: 'POST',
    url: '/hooks/braze/users/track',
    headers,
    body: { encoding: 'utf8' as const, data: '{}', size: 2, truncated: false },
    at: '2026-01-31T09:30:00.000Z',
  },
  sealedHeaders: sealed,
})
const decrypt = (cipherText: string) => cipherText.replace(/^sealed:/, '')

describe('forwardPath: what follows the route on the request line', () => {
  it('keeps the path after the route name and the query', () => {
    expect(forwardPath('/hooks/braze/users/track?dry=1&a=b', 'braze')).toBe(
      '/users/track?dry=1&a=b',
    )
  })

  it('sends a capture to the bare route on to /users/track', () => {
    expect(forwardPath('/hooks/sandbox', 'sandbox')).toBe('/users/track')
    expect(forwardPath('/hooks/sandbox/?x=1', 'sandbox')).toBe('/users/track?x=1')
  })

  it('keeps the own path and query of a capture that did not come through the route', () => {
    expect(forwardPath('/users/track?x=1', 'braze')).toBe('/users/track?x=1')
    expect(forwardPath('https://rest.iad-01.braze.com/campaigns/trigger/send', 'braze')).toBe(
      '/campaigns/trigger/send',
    )
    expect(forwardPath('/hooks/brazen/users/track', 'braze')).toBe('/hooks/brazen/users/track')
  })

  it('joins the base without a doubled slash', () => {
    expect(forwardUrl('https://rest.iad-01.braze.com/', '/hooks/b/users/track', 'b')).toBe(
      'https://rest.iad-01.braze.com/users/track',
    )
  })
})

describe('forwardHeaders: the capture header lines a forward sends', () => {
  const lines: RawHeaders = [
    ['Host', 'abc.ngrok.app'],
    ['Content-Type', 'application/json'],
    ['X-Zendesk-Webhook-Id', '01H'],
    ['Connection', 'keep-alive, X-Hop'],
    ['X-Hop', 'gone'],
    ['Authorization', 'Bearer ••••abcd'],
    ['x-custom', 'one'],
    ['X-Custom', 'two'],
    ['Transfer-Encoding', 'chunked'],
    ['Expect', '100-continue'],
  ]
  const sealed = [{ index: 5, cipherText: 'sealed:Bearer real-key' }]

  it('keeps order, case and duplicates, and drops hop-by-hop lines, those Connection names, and Host', () => {
    expect(forwardHeaders(capture(lines, sealed), { from: 'capture' }, decrypt)).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Zendesk-Webhook-Id', '01H'],
      ['Authorization', 'Bearer real-key'],
      ['x-custom', 'one'],
      ['X-Custom', 'two'],
    ])
  })

  it("replaces the Authorization line in place with the profile's", () => {
    const sent = forwardHeaders(
      capture(lines),
      { from: 'profile', value: 'Bearer profile-key' },
      undefined,
    )
    expect(sent[2]).toEqual(['Authorization', 'Bearer profile-key'])
  })

  it("adds the profile's Authorization when the capture had none", () => {
    const sent = forwardHeaders(
      capture([['Content-Type', 'application/json']]),
      { from: 'profile', value: 'Bearer k' },
      undefined,
    )
    expect(sent).toEqual([
      ['Content-Type', 'application/json'],
      ['Authorization', 'Bearer k'],
    ])
  })

  it('sends no Authorization, nor any other credential, when told none', () => {
    const withKey: RawHeaders = [...lines, ['X-Api-Key', 'secret']]
    const sent = forwardHeaders(
      capture(withKey, [...sealed, { index: 10, cipherText: 'sealed:secret' }]),
      { from: 'none' },
      undefined,
    )
    expect(sent.map(([name]) => name)).toEqual([
      'Content-Type',
      'X-Zendesk-Webhook-Id',
      'x-custom',
      'X-Custom',
    ])
  })

  it('drops the connection lines from header lines already in plain text', () => {
    expect(withoutHopByHop(lines)).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Zendesk-Webhook-Id', '01H'],
      ['Authorization', 'Bearer ••••abcd'],
      ['x-custom', 'one'],
      ['X-Custom', 'two'],
    ])
  })

  it('refuses to pass on an Authorization the capture does not have', () => {
    expect(() => forwardHeaders(capture([]), { from: 'capture' }, decrypt)).toThrow(
      /no Authorization header/,
    )
  })

  it('says so when the capture credential was not kept (secrets were locked)', () => {
    const call = () => forwardHeaders(capture(lines), { from: 'capture' }, decrypt)
    expect(call).toThrow(ForwardError)
    expect(call).toThrow(/was not kept/)
  })

  it('says so when the kept credential cannot be decrypted now', () => {
    expect(() => forwardHeaders(capture(lines, sealed), { from: 'capture' }, undefined)).toThrow(
      /secret storage is locked/,
    )
  })
})
