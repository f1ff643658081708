import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  ZENDESK_TEST_SIGNING_SECRET,
  signZendeskWebhook,
  signatureTimestamp,
  verifyZendeskWebhook,
} from '../../../../../main/core/zendesk/webhook-signature'

interface FixtureEntry {
  template_or_payload: string
  kind: string
  notes: string
}

const fixtures = JSON.parse(
  readFileSync(
    path.join(import.meta.dirname, '../../../../fixtures/zendesk-payloads.json'),
    'utf8',
  ),
) as FixtureEntry[]

/** The vectors are written into the fixture's notes; read them from there, not from memory. */
function vectorFromNotes(kind: string) {
  const entry = fixtures.find((candidate) => candidate.kind === kind)
  if (!entry) throw new Error(`fixture ${kind} missing`)
  return entry
}

describe('Zendesk webhook signature (reference/zendesk.md §5.5)', () => {
  it('signs the documented test request with the static test secret to the fixture signature', () => {
    const entry = vectorFromNotes('webhook_test_request')
    const request = JSON.parse(entry.template_or_payload) as { request: { payload: string } }
    const expected = /signs to (\S+=) \(computed\)/.exec(entry.notes)?.[1]
    expect(expected).toBe('ZSRg6vOX1oNH4MGA/3eaV8olds/BPX3336Rmq+1qkbo=')
    const signature = signZendeskWebhook({
      secret: ZENDESK_TEST_SIGNING_SECRET,
      timestamp: '2021-03-25T05:09:27Z',
      body: request.request.payload,
    })
    expect(signature).toBe(expected)
  })

  it('signs an empty body (GET and DELETE webhooks) as the timestamp alone', () => {
    const signature = signZendeskWebhook({
      secret: ZENDESK_TEST_SIGNING_SECRET,
      timestamp: '2021-03-25T05:09:27Z',
      body: '',
    })
    expect(signature).toBe('wCdBvXaHttn0wRVIYctzZ9O6O0bnqWakJMEKZ9VoRWw=')
  })

  it('uses the secret as a literal string, never base64-decoded', () => {
    const decodedKey = Buffer.from(ZENDESK_TEST_SIGNING_SECRET, 'base64').toString('utf8')
    const withDecodedKey = signZendeskWebhook({
      secret: decodedKey,
      timestamp: '2021-03-25T05:09:27Z',
      body: '{"name":"test webhook"}',
    })
    expect(withDecodedKey).not.toBe('ZSRg6vOX1oNH4MGA/3eaV8olds/BPX3336Rmq+1qkbo=')
  })

  it('reproduces the legacy docs vector only in the old body+timestamp order', () => {
    const entry = vectorFromNotes('signed_test_vector_legacy')
    const input = {
      secret: 'HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA=',
      timestamp: '2021-07-25T10:00:00Z',
      body: entry.template_or_payload,
    }
    expect(signZendeskWebhook({ ...input, order: 'body-timestamp' })).toBe(
      'tRDSF7URY8BLCDlaBcQ7FHu051Zk+aAB0NKMP53teMw=',
    )
    expect(signZendeskWebhook(input)).not.toBe('tRDSF7URY8BLCDlaBcQ7FHu051Zk+aAB0NKMP53teMw=')
  })

  it('verifies a matching signature', () => {
    const verdict = verifyZendeskWebhook({
      secret: ZENDESK_TEST_SIGNING_SECRET,
      timestamp: '2021-03-25T05:09:27Z',
      body: Buffer.from('{"name":"test webhook"}'),
      signature: 'ZSRg6vOX1oNH4MGA/3eaV8olds/BPX3336Rmq+1qkbo=',
    })
    expect(verdict).toEqual({ ok: true })
  })

  it('rejects a body changed by one character and says what to check', () => {
    const verdict = verifyZendeskWebhook({
      secret: ZENDESK_TEST_SIGNING_SECRET,
      timestamp: '2021-03-25T05:09:27Z',
      body: '{"name":"test webhook" }',
      signature: 'ZSRg6vOX1oNH4MGA/3eaV8olds/BPX3336Rmq+1qkbo=',
    })
    expect(verdict.ok).toBe(false)
    expect(verdict).toMatchObject({ reason: 'mismatch' })
    if (!verdict.ok) expect(verdict.message).toMatch(/signing secret.*not base64-decoded/)
  })

  it('names the missing header when the signature or timestamp is absent', () => {
    const base = { secret: 'k', body: '{}' }
    expect(verifyZendeskWebhook({ ...base, timestamp: 't', signature: undefined })).toMatchObject({
      ok: false,
      reason: 'missing-signature',
    })
    expect(verifyZendeskWebhook({ ...base, timestamp: undefined, signature: 'x' })).toMatchObject({
      ok: false,
      reason: 'missing-timestamp',
    })
  })

  it('formats the timestamp header as ISO-8601 UTC to the second', () => {
    expect(signatureTimestamp(new Date('2021-03-25T05:09:27.845Z'))).toBe('2021-03-25T05:09:27Z')
  })
})
