import { describe, expect, it } from 'vitest'
import { tunnelChoice, tunnelSettings } from '../../../../shared/contract/tunnel'

describe('tunnel settings schema', () => {
  it('defaults to no tunnel and a self-test every 60 s', () => {
    expect(tunnelSettings.parse({})).toEqual({
      choice: { provider: 'none' },
      selfTestIntervalSeconds: 60,
    })
  })

  it('accepts each provider with its own settings', () => {
    for (const choice of [
      { provider: 'ngrok' },
      { provider: 'ngrok', domain: 'hooks.example.ngrok.app' },
      { provider: 'cloudflared' },
      { provider: 'localtunnel', serverUrl: 'https://lt.example.com', subdomain: 'team-hooks' },
      { provider: 'custom', publicUrl: 'https://hooks.example.com/bridgebench' },
    ]) {
      expect(tunnelChoice.parse(choice)).toEqual(choice)
    }
  })

  it('wants an ngrok domain without a scheme', () => {
    const parsed = tunnelChoice.safeParse({
      provider: 'ngrok',
      domain: 'https://hooks.example.ngrok.app',
    })
    expect(parsed.error?.issues[0]?.message).toMatch(/without https:\/\//)
  })

  it('refuses a custom URL that is not http(s) or carries a query', () => {
    expect(
      tunnelChoice.safeParse({ provider: 'custom', publicUrl: 'ftp://example.com' }).success,
    ).toBe(false)
    expect(
      tunnelChoice.safeParse({ provider: 'custom', publicUrl: 'https://example.com/?a=1' }).success,
    ).toBe(false)
  })
})
