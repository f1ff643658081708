import type { Capture } from '../../shared/contract/captures'
import type { RawHeaders } from '../../shared/contract/raw-http'

let counter = 0

/** A unique ULID-shaped id for test captures (sorts in creation order). */
export function testCaptureId(): string {
  counter += 1
  return `01JDQ8W9T6${String(counter).padStart(16, '0')}`
}

/** A /users/track body as the Sandbox's trigger renders it, for `externalId`. */
export function trackBody(
  externalId = 'u-1001',
  status = 'Solved',
  time = '2026-11-30T10:00Z',
): string {
  return JSON.stringify({
    attributes: [
      { external_id: externalId, zendesk_last_ticket_id: '42', zendesk_last_ticket_status: status },
    ],
    events: [
      {
        external_id: externalId,
        name: 'zendesk_ticket_solved',
        time,
        properties: { ticket_id: '42' },
      },
    ],
  })
}

/** A capture of a Zendesk trigger delivery on route `braze`, credentials masked as stored. */
export function testCapture(
  overrides: { body?: string; headers?: RawHeaders; url?: string; id?: string } = {},
): Capture {
  const body = overrides.body ?? trackBody()
  const id = overrides.id ?? testCaptureId()
  return {
    id,
    route: 'braze',
    receivedAt: '2026-11-30T10:00:01.000000Z',
    request: {
      method: 'POST',
      url: overrides.url ?? '/hooks/braze/users/track',
      headers: overrides.headers ?? [
        ['Host', 'abc.ngrok.app'],
        ['Content-Type', 'application/json'],
        ['Content-Length', String(Buffer.byteLength(body))],
        ['Authorization', 'Bearer ••••'],
        ['X-Zendesk-Webhook-Id', '01F1KRFQ6BG29CNWFR60NK5FNY'],
        ['X-Zendesk-Webhook-Invocation-Id', '8350205582'],
        ['X-Zendesk-Webhook-Signature-Timestamp', '2026-11-30T10:00:00Z'],
        ['X-Zendesk-Webhook-Signature', 'c2lnbmF0dXJl'],
        ['Connection', 'keep-alive'],
      ],
      body: { encoding: 'utf8', data: body, size: Buffer.byteLength(body), truncated: false },
      at: '2026-11-30T10:00:01.000000Z',
    },
    transport: 'ngrok',
    clientAddress: '203.0.113.9',
    contentType: 'application/json',
    parse: { kind: 'json', ok: true, error: null },
    signature: {
      verdict: 'valid',
      secret: 'profile',
      cause: null,
      timestamp: '2026-11-30T10:00:00Z',
      ageSeconds: 1,
      warning: null,
    },
    invocation: {
      webhookId: '01F1KRFQ6BG29CNWFR60NK5FNY',
      invocationId: '8350205582',
      attempt: 1,
      accountId: '10000001',
    },
    answer: {
      status: 200,
      retryAfterSeconds: null,
      delayMs: 0,
      closed: false,
      reason: 'The route answers 200.',
    },
    next: { outcome: 'delivered', message: 'Delivered.', retryInSeconds: null },
    flags: [],
    sealedHeaders: [],
  }
}
