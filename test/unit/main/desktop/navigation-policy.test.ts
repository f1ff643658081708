import { describe, expect, it } from 'vitest'
import { externalUrlToOpen, isAppUrl } from '../../../../main/desktop/navigation-policy'

describe('externalUrlToOpen', () => {
  it.each([
    [
      'https://developer.zendesk.com/api-reference/',
      'https://developer.zendesk.com/api-reference/',
    ],
    ['http://example.com/x', 'http://example.com/x'],
    ['file:///etc/passwd', undefined],
    ['javascript:alert(1)', undefined],
    ['smb://share/x', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, expected) => {
    expect(externalUrlToOpen(url)).toBe(expected)
  })
})

describe('isAppUrl', () => {
  const app = 'file:///opt/bridgebench/out/renderer/index.html'
  it('accepts the app page with any hash or query', () => {
    expect(isAppUrl(`${app}#/compose`, app)).toBe(true)
  })
  it('refuses other files and other schemes', () => {
    expect(isAppUrl('file:///tmp/evil.html', app)).toBe(false)
    expect(isAppUrl('https://evil.example/out/renderer/index.html', app)).toBe(false)
  })
})
