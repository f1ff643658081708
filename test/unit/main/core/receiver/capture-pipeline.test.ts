import { describe, expect, it } from 'vitest'
import {
  capture as captureSchema,
  receiverRoute,
  type Capture,
  type ReceiverRouteInput,
} from '../../../../../shared/contract/captures'
import type { RawHeaders } from '../../../../../shared/contract/raw-http'
import { createCapturePipeline } from '../../../../../main/core/receiver/capture-pipeline'
import { InvocationWatch } from '../../../../../main/core/receiver/invocation-watch'
import type { ArrivedRequest } from '../../../../../main/core/receiver/receiver-server'
import { recordUlidFactory } from '../../../../../main/core/storage/record-ulid'
import { signZendeskWebhook } from '../../../../../main/core/zendesk/webhook-signature'

const SECRET = 'pipeline-signing-secret'
const AT = Date.parse('2026-11-30T12:00:00Z') + 0.25
const TIMESTAMP = '2026-11-30T11:59:58Z'

const ROUTES: ReceiverRouteInput[] = [
  { name: 'braze' },
  { name: 'strict', strictSignature: true },
  { name: 'busy', answer: { status: 429, retryAfterSeconds: 30, delayMs: 0, close: false } },
  { name: 'hangup', answer: { status: 200, retryAfterSeconds: null, delayMs: 0, close: true } },
  { name: 'first', forward: { mode: 'capture-first' } },
  { name: 'proxy', forward: { mode: 'proxy' } },
]

function arrived(overrides: Partial<ArrivedRequest> & { route?: string } = {}): ArrivedRequest {
  const body = overrides.body ?? Buffer.from('{"attributes":[{"external_id":"u-1"}]}')
  const headers: RawHeaders = overrides.headers ?? [
    ['Host', '127.0.0.1:4000'],
    ['Content-Type', 'application/json'],
    ['X-Zendesk-Webhook-Id', '01HX3C0M5P5E5V0Y1QK9M3E2R7'],
    ['X-Zendesk-Webhook-Invocation-Id', '8812'],
    ['X-Zendesk-Webhook-Attempt', '1'],
    ['X-Zendesk-Webhook-Signature-Timestamp', TIMESTAMP],
    [
      'X-Zendesk-Webhook-Signature',
      signZendeskWebhook({ secret: SECRET, timestamp: TIMESTAMP, body }),
    ],
  ]
  return {
    method: 'POST',
    target: `/hooks/${overrides.route ?? 'braze'}`,
    size: body.length,
    oversize: false,
    cutOff: false,
    remoteAddress: '127.0.0.1',
    arrivedAtMs: AT,
    ...overrides,
    headers,
    body,
  }
}

/** Runs requests through a pipeline and keeps every capture it stores. */
function pipelineKeeping(encrypt?: () => ((plain: string) => string) | undefined) {
  const stored: Capture[] = []
  const ids = recordUlidFactory()
  const run = createCapturePipeline({
    settings: () => ({ routes: ROUTES.map((r) => receiverRoute.parse(r)), toleranceSeconds: 60 }),
    secretsFor: () => ({ profile: SECRET }),
    transportFor: (headers) =>
      headers.some(([name]) => name.toLowerCase() === 'x-forwarded-for') ? 'ngrok' : 'direct',
    newId: (at) => ids(at.getTime()),
    watch: new InvocationWatch(),
    store: (capture) => {
      stored.push(capture)
      return Promise.resolve()
    },
    ...(encrypt ? { encrypt } : {}),
    proxy: (capture) =>
      Promise.resolve({
        answer: {
          status: 201,
          retryAfterSeconds: null,
          delayMs: 0,
          closed: false,
          reason: 'Braze',
        },
        headers: {},
        body: '{"message":"success"}',
        forward: {
          state: 'forwarded',
          run: 'proxy',
          exchangeId: null,
          status: 201,
          message: `forwarded ${capture.id}`,
          warning: null,
          at: '2026-11-30T12:00:01.000000Z',
        },
      }),
  })
  return { run, stored }
}

const sealing = () => (plain: string) => `sealed:${Buffer.from(plain).toString('base64')}`
const locked = () => () => {
  throw new Error('secret storage is locked')
}

/** Requests of every kind the receiver meets, hostile ones included. */
const REQUESTS: Array<[string, ArrivedRequest]> = [
  ['a signed JSON delivery', arrived()],
  ['a forged signature', arrived({ headers: [['X-Zendesk-Webhook-Signature', 'AAAA']] })],
  ['no headers at all', arrived({ headers: [] })],
  ['bytes that are not UTF-8', arrived({ body: Buffer.from([0xff, 0xfe, 0x00, 0x80]) })],
  ['an empty body', arrived({ body: Buffer.alloc(0) })],
  ['JSON cut short', arrived({ body: Buffer.from('{"attributes": [') })],
  [
    'bad XML',
    arrived({ body: Buffer.from('<a><b></a>'), headers: [['content-type', 'text/xml']] }),
  ],
  [
    'bad form encoding',
    arrived({
      body: Buffer.from('a=%zz'),
      headers: [['content-type', 'application/x-www-form-urlencoded']],
    }),
  ],
  ['an oversize body', arrived({ size: 50 * 1024 * 1024, oversize: true })],
  ['a client that stopped sending', arrived({ size: 10_000, cutOff: true })],
  ['a route nobody configured, badly escaped', arrived({ route: '%E0%A4%A' })],
  ['a very long route name', arrived({ route: 'x'.repeat(500) })],
  ['a strict route and no signature', arrived({ route: 'strict', headers: [] })],
  ['a route answering 429 with Retry-After', arrived({ route: 'busy' })],
  ['a route that hangs up', arrived({ route: 'hangup' })],
  ['a capture-first route', arrived({ route: 'first' })],
  ['a transparent-proxy route', arrived({ route: 'proxy' })],
  [
    'odd attempt numbers and a tunnel',
    arrived({
      headers: [
        ['X-Zendesk-Webhook-Invocation-Id', '9'],
        ['X-Zendesk-Webhook-Attempt', '1.5'],
        ['X-Forwarded-For', '203.0.113.9, 10.0.0.1'],
      ],
    }),
  ],
  [
    'credentials in the headers',
    arrived({
      headers: [
        ['Authorization', 'Bearer braze-rest-key-0123456789'],
        ['x-api-key', 'key-abcdefghijklmnop'],
      ],
    }),
  ],
]

describe('the capture pipeline', () => {
  // The capture store writes these without checking each against the schema again (it is
  // checked when read back): every capture the pipeline builds must fit it exactly, and come
  // back the same from its JSON.
  for (const [encryptName, encrypt] of [
    ['secret storage open', sealing],
    ['secret storage locked', locked],
  ] as const) {
    it(`builds captures that fit their schema exactly (${encryptName})`, async () => {
      const { run, stored } = pipelineKeeping(encrypt)
      for (const [, request] of REQUESTS) await run(request)
      await run(arrived()) // the same attempt again: flagged as a duplicate
      expect(stored.length).toBeGreaterThan(REQUESTS.length)
      for (const [index, capture] of stored.entries()) {
        const what = REQUESTS[index]?.[0] ?? `capture ${index}`
        expect(captureSchema.parse(capture), what).toEqual(capture)
        expect(captureSchema.parse(JSON.parse(JSON.stringify(capture))), what).toEqual(capture)
      }
      expect(stored.some((c) => c.flags.includes('duplicate'))).toBe(true)
    })
  }

  it('keeps credentials only as ciphertext, and the other header lines as they arrived', async () => {
    const { run, stored } = pipelineKeeping(sealing)
    const request = REQUESTS.find(([name]) => name === 'credentials in the headers')?.[1]
    await run(request ?? arrived())
    const [capture] = stored
    expect(capture?.request.headers).toEqual([
      ['Authorization', 'Bearer ••••'],
      ['x-api-key', '••••'],
    ])
    expect(capture?.sealedHeaders.map((s) => s.index)).toEqual([0, 1])
    expect(JSON.stringify(capture)).not.toContain('braze-rest-key-0123456789')
    await run(arrived())
    expect(stored[1]?.request.headers).toEqual(arrived().headers)
  })

  it('reads the body once: the stored text is what the parse status describes', async () => {
    const { run, stored } = pipelineKeeping()
    await run(arrived({ body: Buffer.from('{"a": 1,}') }))
    expect(stored[0]?.request.body).toMatchObject({ encoding: 'utf8', data: '{"a": 1,}' })
    expect(stored[0]?.parse).toMatchObject({ kind: 'json', ok: false, error: { at: { line: 1 } } })
    await run(arrived({ body: Buffer.from([0xc3, 0x28]) }))
    expect(stored[1]?.request.body).toMatchObject({ encoding: 'base64', data: 'wyg=' })
    expect(stored[1]?.parse).toMatchObject({ kind: 'binary', ok: false })
  })
})
