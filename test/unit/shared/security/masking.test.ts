import { describe, expect, it } from 'vitest'
import {
  maskBody,
  maskHeaders,
  maskSecret,
  maskUrl,
  redactKnownSecrets,
  secretHint,
} from '../../../../shared/security/masking'

describe('masking', () => {
  it('keeps at most the last 4 characters, and none of a short secret', () => {
    expect(maskSecret('braze-key-0a1b2c3d4e5f')).toBe('••••4e5f')
    expect(maskSecret('short')).toBe('••••')
    expect(secretHint('short')).toBeUndefined()
  })

  it('masks credential headers entirely whatever their case, keeping the scheme', () => {
    expect(
      maskHeaders({
        Authorization: 'Basic YWRtaW5AYWNtZS5jb20vdG9rZW46c2VjcmV0',
        'content-type': 'application/json',
        'X-Api-Key': 'abcdefghijklmnop',
      }),
    ).toEqual({
      Authorization: 'Basic ••••',
      'content-type': 'application/json',
      'X-Api-Key': '••••',
    })
    expect(maskHeaders({ authorization: 'Bearer short' }).authorization).toBe('Bearer ••••')
  })

  it('masks credentials in URLs: userinfo and known query parameters', () => {
    expect(maskUrl('https://u:p4ssw0rd@example.com/x?api_key=abcdefghijklmnop&page=2')).toBe(
      'https://u:%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2@example.com/x?api_key=%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2&page=2',
    )
  })

  it('masks known fields anywhere in a JSON body', () => {
    const body = JSON.stringify({
      grant_type: 'refresh_token',
      refresh_token: 'rt-1234567890abcdef',
      nested: { client_secret: 'x' },
    })
    expect(JSON.parse(maskBody(body, 'application/json'))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: '••••cdef',
      nested: { client_secret: '••••' },
    })
  })

  it('masks form bodies', () => {
    expect(
      maskBody('client_id=app&client_secret=s3cr3t-value-123', 'application/x-www-form-urlencoded'),
    ).toBe('client_id=app&client_secret=%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2')
  })

  it('scrubs known secret values from free text', () => {
    expect(
      redactKnownSecrets('401 for key braze-key-0a1b2c3d4e5f at US-01', ['braze-key-0a1b2c3d4e5f']),
    ).toBe('401 for key ••••4e5f at US-01')
  })
})
