import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Zendesk's webhook signature (reference/zendesk.md §5.5):
 * `base64(HMAC-SHA256(key = the signing secret as literal UTF-8, message = timestamp + raw body))`.
 * No separator, base64 not hex, and the secret is never base64-decoded.
 */

export const SIGNATURE_HEADER = 'x-zendesk-webhook-signature'
export const SIGNATURE_TIMESTAMP_HEADER = 'x-zendesk-webhook-signature-timestamp'

/** Signs test sends made before a webhook exists (§5.5); used as the literal key. */
export const ZENDESK_TEST_SIGNING_SECRET = 'dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ=='

/**
 * `timestamp-body` is what Zendesk does today. `body-timestamp` is the order of an older docs page
 * whose example vector only verifies that way (§5.5): kept for negative and compatibility tests.
 */
export type SignatureOrder = 'timestamp-body' | 'body-timestamp'

export interface SignatureInput {
  secret: string
  /** The exact `x-zendesk-webhook-signature-timestamp` header value. */
  timestamp: string
  /** The raw request body, byte for byte (GET and DELETE webhooks sign an empty body). */
  body: string | Buffer
  order?: SignatureOrder
}

export function signZendeskWebhook({
  secret,
  timestamp,
  body,
  order = 'timestamp-body',
}: SignatureInput): string {
  const hmac = createHmac('sha256', Buffer.from(secret, 'utf8'))
  if (order === 'timestamp-body') hmac.update(timestamp, 'utf8').update(body)
  else hmac.update(body).update(timestamp, 'utf8')
  return hmac.digest('base64')
}

/** Zendesk's timestamp header form: ISO-8601 UTC to the second, e.g. `2021-03-25T05:09:27Z`. */
export function signatureTimestamp(at: Date): string {
  return `${at.toISOString().slice(0, 19)}Z`
}

export type SignatureVerdict =
  | { ok: true }
  | { ok: false; reason: 'missing-signature' | 'missing-timestamp' | 'mismatch'; message: string }

export interface VerifyInput extends Omit<SignatureInput, 'timestamp'> {
  timestamp: string | undefined
  signature: string | undefined
}

/** Checks a received signature in constant time; says which header is missing or wrong. */
export function verifyZendeskWebhook(input: VerifyInput): SignatureVerdict {
  if (!input.signature) {
    return {
      ok: false,
      reason: 'missing-signature',
      message: `The request has no ${SIGNATURE_HEADER} header: it was not signed by Zendesk.`,
    }
  }
  if (input.timestamp === undefined || input.timestamp === '') {
    return {
      ok: false,
      reason: 'missing-timestamp',
      message: `The request has no ${SIGNATURE_TIMESTAMP_HEADER} header, so its signature cannot be checked.`,
    }
  }
  const expected = Buffer.from(signZendeskWebhook({ ...input, timestamp: input.timestamp }))
  const received = Buffer.from(input.signature.trim())
  if (received.length === expected.length && timingSafeEqual(received, expected))
    return { ok: true }
  return {
    ok: false,
    reason: 'mismatch',
    message:
      'The signature does not match: check the webhook signing secret (use it as-is, not base64-decoded) ' +
      'and that the body was not changed (re-encoded JSON, trimmed whitespace) before checking.',
  }
}
