import { describe, expect, it } from 'vitest'
import { checkApiRequest, checkHost, type AccessPolicy } from '../../../../main/web/access-guard'

const policy: AccessPolicy = { token: 'per-launch-token', port: 4321, allowAnyHost: false }
const good = {
  method: 'POST',
  host: '127.0.0.1:4321',
  origin: 'http://127.0.0.1:4321',
  token: 'per-launch-token',
}

describe('checkApiRequest', () => {
  it('accepts a POST from our own page with the token', () => {
    expect(checkApiRequest(good, policy)).toEqual({ ok: true })
  })

  it('refuses GET, so no state change can ride on one', () => {
    expect(checkApiRequest({ ...good, method: 'GET' }, policy)).toMatchObject({
      ok: false,
      status: 405,
    })
  })

  it('refuses a request without an Origin header', () => {
    expect(checkApiRequest({ ...good, origin: undefined }, policy)).toMatchObject({
      ok: false,
      status: 403,
    })
  })

  it('refuses a foreign Origin', () => {
    expect(checkApiRequest({ ...good, origin: 'https://evil.example' }, policy)).toMatchObject({
      ok: false,
      status: 403,
    })
  })

  it('refuses a missing or wrong token and says where to find the right one', () => {
    const missing = checkApiRequest({ ...good, token: undefined }, policy)
    expect(missing).toMatchObject({ ok: false, status: 401 })
    expect(!missing.ok && missing.reason).toMatch(/bridgebench serve/)
    expect(checkApiRequest({ ...good, token: 'per-launch-tokeX' }, policy)).toMatchObject({
      status: 401,
    })
  })

  it('refuses a rebound DNS name even with matching Origin', () => {
    const rebound = { ...good, host: 'evil.example:4321', origin: 'http://evil.example:4321' }
    expect(checkApiRequest(rebound, policy)).toMatchObject({ ok: false, status: 421 })
  })
})

describe('checkHost', () => {
  it('accepts the loopback names on our port', () => {
    for (const host of ['127.0.0.1:4321', 'localhost:4321', '[::1]:4321']) {
      expect(checkHost(host, policy)).toEqual({ ok: true })
    }
  })

  it('refuses another port', () => {
    expect(checkHost('127.0.0.1:9999', policy)).toMatchObject({ ok: false })
  })

  it('accepts any host only when remote access was explicitly allowed', () => {
    expect(checkHost('192.168.1.5:4321', { ...policy, allowAnyHost: true })).toEqual({ ok: true })
  })
})
