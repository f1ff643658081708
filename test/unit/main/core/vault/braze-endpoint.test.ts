import { describe, expect, it } from 'vitest'
import { normalizeBrazeEndpoint } from '../../../../../main/core/vault/braze-endpoint'

describe('normalizeBrazeEndpoint', () => {
  it.each([
    ['US-01', 'https://rest.iad-01.braze.com'],
    ['eu-02', 'https://rest.fra-02.braze.eu'],
    ['https://rest.iad-06.braze.com/', 'https://rest.iad-06.braze.com'],
    ['https://rest.iad-06.braze.com/users/track', 'https://rest.iad-06.braze.com'],
    ['https://rest.us-10.braze.com', 'https://rest.us-10.braze.com'],
    ['http://127.0.0.1:4020', 'http://127.0.0.1:4020'],
    ['https://braze-gateway.example.com/rest', 'https://braze-gateway.example.com/rest'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeBrazeEndpoint(input)).toBe(expected)
  })

  it.each([
    ['US-09', /not a URL or an instance name/],
    ['https://sdk.iad-01.braze.com', /SDK host/],
    ['https://dashboard-01.braze.com', /dashboard/],
    ['http://rest.example.com', /plain http/],
  ])('rejects %s', (input, why) => {
    expect(() => normalizeBrazeEndpoint(input)).toThrow(why)
  })
})
