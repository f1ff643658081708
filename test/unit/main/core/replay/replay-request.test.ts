import { describe, expect, it } from 'vitest'
import {
  buildReplayRequest,
  ReplayBuildError,
} from '../../../../../main/core/replay/replay-request'
import { verifyZendeskWebhook } from '../../../../../main/core/zendesk/webhook-signature'
import { testCapture } from '../../../../helpers/captures'

const URL_ = 'https://rest.iad-01.braze.com/users/track'
const profile = { source: 'profile', authorization: 'Bearer braze-key-0123456789' } as const

describe('buildReplayRequest', () => {
  it("puts the profile's key in the captured Authorization's place and drops connection headers", () => {
    const request = buildReplayRequest({ capture: testCapture(), url: URL_, credential: profile })
    expect(request.headers.map(([name]) => name)).toEqual([
      'Content-Type',
      'Authorization',
      'X-Zendesk-Webhook-Id',
      'X-Zendesk-Webhook-Invocation-Id',
      'X-Zendesk-Webhook-Signature-Timestamp',
      'X-Zendesk-Webhook-Signature',
    ])
    expect(request.headers[1]).toEqual(['Authorization', 'Bearer braze-key-0123456789'])
    expect(request.authorization).toBe('profile')
  })

  it('sends the captured body byte for byte', () => {
    const body = '{ "attributes" : [ ] }\n'
    const request = buildReplayRequest({
      capture: testCapture({ body }),
      url: URL_,
      credential: profile,
    })
    expect(request.body.toString('utf8')).toBe(body)
  })

  it('sends no credential with auth none', () => {
    const request = buildReplayRequest({
      capture: testCapture(),
      url: URL_,
      credential: { source: 'none' },
    })
    expect(request.headers.some(([name]) => name.toLowerCase() === 'authorization')).toBe(false)
  })

  it('refuses to pass on a captured credential it only has masked', () => {
    const capture = testCapture()
    expect(() =>
      buildReplayRequest({
        capture,
        url: URL_,
        credential: { source: 'capture', headers: capture.request.headers },
      }),
    ).toThrow(/only kept masked .* profile's key instead/)
  })

  it('refuses a capture whose body was cut at the size limit', () => {
    const capture = testCapture()
    capture.request.body = { ...capture.request.body, size: 99_999_999, truncated: true }
    expect(() => buildReplayRequest({ capture, url: URL_, credential: profile })).toThrow(
      ReplayBuildError,
    )
  })

  it('applies JSON Patch edits and header edits', () => {
    const request = buildReplayRequest({
      capture: testCapture(),
      url: URL_,
      credential: profile,
      edit: {
        body: {
          jsonPatch: [{ op: 'replace', path: '/attributes/0/external_id', value: 'u-2002' }],
        },
        headers: {
          set: [['content-type', 'application/json; charset=utf-8']],
          remove: ['x-zendesk-webhook-id'],
        },
      },
    })
    const sent = JSON.parse(request.body.toString('utf8')) as {
      attributes: Array<{ external_id: string }>
    }
    expect(sent.attributes[0]?.external_id).toBe('u-2002')
    expect(request.headers[0]).toEqual(['Content-Type', 'application/json; charset=utf-8'])
    expect(request.headers.some(([name]) => name === 'X-Zendesk-Webhook-Id')).toBe(false)
  })

  it('says which JSON Patch operation does not apply', () => {
    expect(() =>
      buildReplayRequest({
        capture: testCapture(),
        url: URL_,
        credential: profile,
        edit: { body: { jsonPatch: [{ op: 'remove', path: '/nope/3' }] } },
      }),
    ).toThrow(/operation 1 \(remove \/nope\/3\) does not apply/)
  })

  it('re-signs the (edited) body with a fresh timestamp, keeping the header names in place', () => {
    const request = buildReplayRequest({
      capture: testCapture(),
      url: URL_,
      credential: profile,
      edit: { body: { text: '{"attributes":[]}' } },
      resign: {
        secret: 'dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==',
        timestamp: '2026-12-01T09:00:00Z',
      },
    })
    const header = (name: string) => request.headers.find(([n]) => n.toLowerCase() === name)?.[1]
    expect(header('x-zendesk-webhook-signature-timestamp')).toBe('2026-12-01T09:00:00Z')
    expect(
      verifyZendeskWebhook({
        secret: 'dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==',
        timestamp: header('x-zendesk-webhook-signature-timestamp'),
        signature: header('x-zendesk-webhook-signature'),
        body: request.body,
      }),
    ).toEqual({ ok: true })
    expect(request.headers.map(([n]) => n)).toContain('X-Zendesk-Webhook-Signature')
  })
})
