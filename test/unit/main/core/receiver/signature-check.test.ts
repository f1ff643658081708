import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { RawHeaders } from '../../../../../shared/contract/raw-http'
import { checkSignature } from '../../../../../main/core/receiver/signature-check'
import {
  signZendeskWebhook,
  ZENDESK_TEST_SIGNING_SECRET,
} from '../../../../../main/core/zendesk/webhook-signature'

const TIMESTAMP = '2021-03-25T05:09:27Z'
const BODY = Buffer.from('{"name":"test webhook"}')
const SECRET = 'dGhpc19pc19hX3Byb2ZpbGVfc2VjcmV0X2Zvcl90ZXN0cw'
const receivedAt = new Date('2021-03-25T05:09:29Z')

function headers(signature: string | null, timestamp: string | null = TIMESTAMP): RawHeaders {
  const lines: RawHeaders = [['Content-Type', 'application/json']]
  if (signature !== null) lines.push(['X-Zendesk-Webhook-Signature', signature])
  if (timestamp !== null) lines.push(['X-Zendesk-Webhook-Signature-Timestamp', timestamp])
  return lines
}

function check(signature: string | null, secrets = { profile: SECRET }, body = BODY) {
  return checkSignature({ headers: headers(signature), body, secrets, receivedAt })
}

describe('checking a Zendesk webhook signature', () => {
  it("verifies Zendesk's documented test vector as signed with the test secret", () => {
    const report = check('ZSRg6vOX1oNH4MGA/3eaV8olds/BPX3336Rmq+1qkbo=')
    expect(report).toMatchObject({ verdict: 'valid (test secret)', secret: 'test', ageSeconds: 2 })
  })

  it("is valid with the profile's secret, and with a secret from an environment variable", () => {
    const signature = signZendeskWebhook({ secret: SECRET, timestamp: TIMESTAMP, body: BODY })
    expect(check(signature)).toMatchObject({ verdict: 'valid', secret: 'profile', cause: null })
    expect(check(signature, { environment: SECRET } as never)).toMatchObject({
      verdict: 'valid',
      secret: 'environment',
    })
  })

  it('says when there is no signature, and when there is no secret to check with', () => {
    expect(check(null).verdict).toBe('missing')
    const signed = signZendeskWebhook({ secret: SECRET, timestamp: TIMESTAMP, body: BODY })
    expect(check(signed, {} as never)).toMatchObject({
      verdict: 'no secret configured',
      cause: expect.stringMatching(/signing secret/),
    })
  })

  const hmac = (key: Buffer | string) => createHmac('sha256', key)
  it.each([
    ['a hex digest', hmac(SECRET).update(TIMESTAMP).update(BODY).digest('hex'), /hex digest/],
    [
      'a separator',
      hmac(SECRET).update(TIMESTAMP).update('.').update(BODY).digest('base64'),
      /separator/,
    ],
    [
      'body before timestamp',
      hmac(SECRET).update(BODY).update(TIMESTAMP).digest('base64'),
      /body before the timestamp/,
    ],
    [
      'a base64-decoded secret',
      hmac(Buffer.from(SECRET, 'base64')).update(TIMESTAMP).update(BODY).digest('base64'),
      /base64-decoded/,
    ],
  ])('names the likely cause of an invalid signature: %s', (_mistake, signature, cause) => {
    const report = check(signature)
    expect(report.verdict).toBe('invalid')
    expect(report.cause).toMatch(cause)
  })

  it('recognises a body re-serialised in transit', () => {
    const sent = Buffer.from('{"name": "test webhook", "id": 1}')
    const signature = signZendeskWebhook({ secret: SECRET, timestamp: TIMESTAMP, body: sent })
    const rewritten = Buffer.from(JSON.stringify(JSON.parse(sent.toString())))
    expect(check(signature, { profile: SECRET }, rewritten).cause).toMatch(
      /changed in transit \(it was re-serialised as JSON\)/,
    )
  })

  it('blames the secret when no known mistake reproduces the signature', () => {
    const forged = signZendeskWebhook({ secret: 'someone else', timestamp: TIMESTAMP, body: BODY })
    expect(check(forged)).toMatchObject({
      verdict: 'invalid',
      cause: expect.stringMatching(/different secret than the profile secret/),
    })
  })

  it('warns about a stale timestamp only with a tolerance set', () => {
    const signature = signZendeskWebhook({ secret: SECRET, timestamp: TIMESTAMP, body: BODY })
    const late = new Date('2021-03-25T06:09:27Z')
    const base = { headers: headers(signature), body: BODY, secrets: { profile: SECRET } }
    expect(checkSignature({ ...base, receivedAt: late }).warning).toBeNull()
    expect(checkSignature({ ...base, receivedAt: late, toleranceSeconds: 300 })).toMatchObject({
      verdict: 'valid',
      ageSeconds: 3600,
      warning: expect.stringMatching(/Signed 3600 s before it arrived/),
    })
  })

  it('uses the static test secret as its literal text', () => {
    expect(ZENDESK_TEST_SIGNING_SECRET).toBe('dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==')
    const empty = checkSignature({
      headers: headers('wCdBvXaHttn0wRVIYctzZ9O6O0bnqWakJMEKZ9VoRWw='),
      body: Buffer.alloc(0),
      secrets: {},
      receivedAt,
    })
    expect(empty.verdict).toBe('valid (test secret)')
  })
})
