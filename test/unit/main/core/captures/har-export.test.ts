import { describe, expect, it } from 'vitest'
import { captureEntry, harDocument } from '../../../../../main/core/captures/har-export'
import { importHar } from '../../../../../main/core/captures/har-import'
import { testCapture, trackBody } from '../../../../helpers/captures'
import { harSchemaErrors } from '../../../../helpers/har-validator'

const SECRET = 'sk-live-9f8e7d6c5b4a39281706f5e4d3c2b1a0'

function withSecrets() {
  const body = JSON.stringify({ api_key: SECRET, attributes: [{ external_id: 'u-1001' }] })
  return testCapture({
    url: `/hooks/braze/users/track?api_key=${SECRET}`,
    body,
    headers: [
      ['Host', 'abc.ngrok.app'],
      ['Content-Type', 'application/json'],
      ['Authorization', `Bearer ${SECRET}`],
      ['X-Api-Key', SECRET],
    ],
  })
}

function binaryCapture() {
  const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x80])
  const capture = testCapture({ headers: [['Content-Type', 'application/octet-stream']] })
  return {
    bytes,
    capture: {
      ...capture,
      request: {
        ...capture.request,
        body: {
          encoding: 'base64' as const,
          data: bytes.toString('base64'),
          size: 5,
          truncated: false,
        },
      },
    },
  }
}

describe('HAR export', () => {
  it('is valid HAR 1.2 by the har-schema JSON Schema', () => {
    const document = harDocument(
      [captureEntry(testCapture()), captureEntry(withSecrets())],
      '1.0.0',
    )
    expect(harSchemaErrors(JSON.parse(JSON.stringify(document)))).toEqual([])
  })

  it('holds no secret from headers, the query or credential-named body fields', () => {
    const text = JSON.stringify(harDocument([captureEntry(withSecrets())], '1.0.0'))
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain(SECRET.slice(8, 24))
  })

  it('keeps a non-UTF-8 body as base64 in the _base64 extension field', () => {
    const { bytes, capture } = binaryCapture()
    const entry = captureEntry(capture)
    expect(harSchemaErrors(harDocument([entry], '1.0.0'))).toEqual([])
    const postData = entry.request.postData as { text: string; _base64?: string }
    expect(postData.text).toBe('')
    expect(Buffer.from(postData._base64 ?? '', 'base64')).toEqual(bytes)
  })

  it('round-trips through import: the same method, path, headers and body bytes', () => {
    const original = testCapture({ body: trackBody('u-2002') })
    const binary = binaryCapture()
    const ids = ['A', 'B']
    const text = JSON.stringify(
      harDocument([captureEntry(original), captureEntry(binary.capture)], '1.0.0'),
    )
    let next = 0
    const imported = importHar(text, { newId: () => ids[next++] ?? 'X', now: () => new Date(0) })
    expect(imported.skipped).toEqual([])
    expect(imported.creator).toBe('Bridgebench')
    const [json, bytes] = imported.captures
    expect(json?.request.method).toBe('POST')
    expect(json?.request.url).toBe('/hooks/braze/users/track')
    expect(json?.request.body.data).toBe(trackBody('u-2002'))
    expect(bytes?.request.body).toMatchObject({
      encoding: 'base64',
      data: binary.bytes.toString('base64'),
    })
  })
})

describe('HAR import', () => {
  it('reads a browser export (Chrome) and skips what is not a request it can replay', () => {
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        entries: [
          {
            startedDateTime: '2026-11-30T10:00:00.000Z',
            request: {
              method: 'POST',
              url: 'https://rest.iad-01.braze.com/users/track',
              headers: [
                { name: 'content-type', value: 'application/json' },
                { name: 'authorization', value: `Bearer ${SECRET}` },
              ],
              postData: { mimeType: 'application/json', text: trackBody() },
            },
          },
          { request: { method: 'GET' } },
        ],
      },
    }
    const imported = importHar(JSON.stringify(har), {
      newId: () => '01JDQ8W9T6AAAAAAAAAAAAAAAA',
      now: () => new Date(0),
    })
    expect(imported.creator).toBe('WebInspector')
    expect(imported.captures).toHaveLength(1)
    expect(imported.skipped.map((s) => s.index)).toEqual([1])
    expect(JSON.stringify(imported.captures)).not.toContain(SECRET)
    expect(imported.captures[0]?.request.body.data).toBe(trackBody())
  })
})

describe('the HAR schema check', () => {
  it('refuses an entry without the fields HAR 1.2 requires', () => {
    const document = harDocument([captureEntry(testCapture())], '1.0.0')
    const entry = document.log.entries[0] as unknown as Record<string, unknown>
    delete entry.timings
    expect(harSchemaErrors(document).join()).toMatch(/timings/)
  })
})
