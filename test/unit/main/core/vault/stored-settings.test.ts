import { describe, expect, it } from 'vitest'
import { storedProfile } from '../../../../../main/core/vault/stored-settings'

describe('stored profiles', () => {
  const saved = {
    id: 'p-1',
    name: 'Acme',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    zendesk: {
      baseUrl: 'https://acme.zendesk.com',
      subdomain: 'acme',
      auth: { mode: 'api-token', email: 'a@acme.test' },
    },
  }

  it("give a profile saved before the object limit existed Braze's default: 75 per request", () => {
    const profile = storedProfile.parse({
      ...saved,
      braze: { endpoint: 'https://rest.iad-01.braze.com' },
    })
    expect(profile.braze.trackObjectLimit).toEqual({ max: 75, per: 'request' })
  })

  it('keep a per-array limit', () => {
    const braze = {
      endpoint: 'https://rest.iad-01.braze.com',
      trackObjectLimit: { max: 75, per: 'array' },
    }
    expect(storedProfile.parse({ ...saved, braze }).braze.trackObjectLimit.per).toBe('array')
  })
})
