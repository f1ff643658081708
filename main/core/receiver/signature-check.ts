import { createHmac, timingSafeEqual } from 'node:crypto'
import type { RawHeaders } from '../../../shared/contract/raw-http'
import type { SignatureReport } from '../../../shared/contract/captures'
import { headerValue } from '../net/raw-record'
import {
  SIGNATURE_HEADER,
  SIGNATURE_TIMESTAMP_HEADER,
  signZendeskWebhook,
  ZENDESK_TEST_SIGNING_SECRET,
} from '../zendesk/webhook-signature'

/** The secrets a capture may be signed with, best first. */
export interface SigningSecrets {
  /** The profile's webhook signing secret (from the vault). */
  profile?: string | undefined
  /** A secret named by an environment variable (`listen --secret-env VAR`). */
  environment?: string | undefined
}

export interface SignatureCheckInput {
  headers: RawHeaders
  /** The raw body bytes as they arrived. */
  body: Buffer
  secrets: SigningSecrets
  receivedAt: Date
  /** Warn when the timestamp is older (or newer) than this; null: no window (Zendesk has none). */
  toleranceSeconds?: number | null
  /**
   * Try the known mistakes to name why an invalid signature fails (a dozen HMACs). Off while
   * capturing, so a flood of forged requests costs one HMAC each; the Inbox asks when shown.
   */
  explain?: boolean
}

/**
 * Verifies `X-Zendesk-Webhook-Signature`: base64 HMAC-SHA256 of the timestamp header followed
 * by the raw body, keyed with the signing secret as literal UTF-8
 * (https://developer.zendesk.com/documentation/webhooks/verifying/). When it does not verify,
 * the known mistakes are tried to name the likeliest cause.
 */
export function checkSignature(input: SignatureCheckInput): SignatureReport {
  const signature = headerValue(input.headers, SIGNATURE_HEADER)?.trim()
  const timestamp = headerValue(input.headers, SIGNATURE_TIMESTAMP_HEADER) ?? null
  const { ageSeconds, warning } = timing(timestamp, input.receivedAt, input.toleranceSeconds)
  const base = { timestamp, ageSeconds, warning }
  if (!signature) {
    return {
      ...base,
      verdict: 'missing',
      secret: null,
      cause: `No ${SIGNATURE_HEADER} header: Zendesk did not sign this request (or a proxy removed the header).`,
    }
  }
  if (timestamp === null) {
    return {
      ...base,
      verdict: 'invalid',
      secret: null,
      cause: `The signature came without its ${SIGNATURE_TIMESTAMP_HEADER} header, which it signs: a proxy may have dropped it.`,
    }
  }
  const candidates: Array<['profile' | 'environment', string]> = []
  if (input.secrets.profile) candidates.push(['profile', input.secrets.profile])
  if (input.secrets.environment) candidates.push(['environment', input.secrets.environment])
  for (const [source, secret] of candidates) {
    if (matches(signature, sign(secret, timestamp, input.body)))
      return { ...base, verdict: 'valid', secret: source, cause: null }
  }
  if (matches(signature, sign(ZENDESK_TEST_SIGNING_SECRET, timestamp, input.body))) {
    return {
      ...base,
      verdict: 'valid (test secret)',
      secret: 'test',
      cause:
        "Signed with Zendesk's static test secret: a test send from the webhook builder before the webhook existed.",
    }
  }
  if (candidates.length === 0) {
    return {
      ...base,
      verdict: 'no secret configured',
      secret: null,
      cause:
        "No signing secret to check with: add the webhook's signing secret to the profile (Zendesk Admin Center → Webhooks → the webhook → Reveal secret).",
    }
  }
  return {
    ...base,
    verdict: 'invalid',
    secret: null,
    cause:
      input.explain === false ? null : likelyCause(signature, timestamp, input.body, candidates),
  }
}

function sign(secret: string, timestamp: string, body: Buffer): string {
  return signZendeskWebhook({ secret, timestamp, body })
}

function matches(received: string, expected: string): boolean {
  const a = Buffer.from(received)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function hmac(secret: string): ReturnType<typeof createHmac> {
  return createHmac('sha256', Buffer.from(secret, 'utf8'))
}

/**
 * Each known mistake in code that signs or verifies Zendesk webhooks, as a way to compute the
 * signature; the first that reproduces the received value names the cause.
 */
const MISTAKES: Array<{
  cause: string
  compute: (secret: string, timestamp: string, body: Buffer) => string[]
}> = [
  {
    cause:
      'The signature is the hex digest, not base64: the sender used hexdigest() where Zendesk uses base64.',
    compute: (s, t, b) => [hmac(s).update(t).update(b).digest('hex')],
  },
  {
    cause:
      'The signature covers the timestamp and body with a separator between them; Zendesk signs them with none.',
    compute: (s, t, b) =>
      ['.', ':', '\n', ' '].map((sep) => hmac(s).update(t).update(sep).update(b).digest('base64')),
  },
  {
    cause:
      'The signature covers the body before the timestamp (an old docs page shows that order); Zendesk signs the timestamp first.',
    compute: (s, t, b) => [hmac(s).update(b).update(t).digest('base64')],
  },
  {
    cause:
      'The signing secret was base64-decoded before use; Zendesk uses the secret text itself as the key.',
    compute: (s, t, b) => [
      createHmac('sha256', Buffer.from(s, 'base64')).update(t).update(b).digest('base64'),
    ],
  },
]

/** Ways a body is commonly changed in transit, each giving the body the sender signed. */
function bodyVariants(body: Buffer): Array<[string, Buffer]> {
  const text = body.toString('utf8')
  const variants: Array<[string, Buffer]> = [
    ['its whitespace was trimmed', Buffer.from(text.trim())],
    ['its line endings were changed', Buffer.from(text.replace(/\r\n/g, '\n'))],
    ['its line endings were changed', Buffer.from(text.replace(/(?<!\r)\n/g, '\r\n'))],
  ]
  try {
    const parsed: unknown = JSON.parse(text)
    variants.push(['it was re-serialised as JSON', Buffer.from(JSON.stringify(parsed))])
    variants.push(['it was re-serialised as JSON', Buffer.from(JSON.stringify(parsed, null, 2))])
    // The spacing people type in trigger bodies (and Python's json.dumps writes).
    const spaced = JSON.stringify(parsed).replace(/":/g, '": ').replace(/,"/g, ', "')
    variants.push(['it was re-serialised as JSON', Buffer.from(spaced)])
  } catch {
    // Not JSON: no re-serialisation to try.
  }
  return variants.filter(([, variant]) => !variant.equals(body))
}

function likelyCause(
  signature: string,
  timestamp: string,
  body: Buffer,
  secrets: Array<['profile' | 'environment', string]>,
): string {
  for (const [, secret] of secrets) {
    for (const mistake of MISTAKES) {
      if (mistake.compute(secret, timestamp, body).some((value) => matches(signature, value)))
        return mistake.cause
    }
    for (const [change, variant] of bodyVariants(body)) {
      if (matches(signature, sign(secret, timestamp, variant)))
        return `The body was changed in transit (${change}) after Zendesk signed it: verify the raw bytes as received, before any proxy or framework rewrites them.`
    }
  }
  const which = secrets.map(([source]) => source).join(' and ')
  return `Signed with a different secret than the ${which} secret, or the body or timestamp was changed: check that the profile holds this webhook's current signing secret (resetting it in Zendesk changes it).`
}

function timing(
  timestamp: string | null,
  receivedAt: Date,
  toleranceSeconds: number | null | undefined,
): { ageSeconds: number | null; warning: string | null } {
  if (timestamp === null) return { ageSeconds: null, warning: null }
  const signedAt = Date.parse(timestamp)
  if (Number.isNaN(signedAt)) {
    return {
      ageSeconds: null,
      warning: `The signature timestamp "${timestamp.slice(0, 40)}" is not a time.`,
    }
  }
  const ageSeconds = Math.round((receivedAt.getTime() - signedAt) / 1000)
  if (toleranceSeconds === null || toleranceSeconds === undefined)
    return { ageSeconds, warning: null }
  if (Math.abs(ageSeconds) <= toleranceSeconds) return { ageSeconds, warning: null }
  return {
    ageSeconds,
    warning: `Signed ${Math.abs(ageSeconds)} s ${ageSeconds >= 0 ? 'before' : 'after'} it arrived (tolerance ${toleranceSeconds} s): a replay, a retry signed earlier, or a clock off.`,
  }
}
