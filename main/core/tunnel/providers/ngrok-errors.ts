import { redactKnownSecrets } from '../../../../shared/security/masking'
import { TunnelError } from '../tunnel-provider'

const TOKEN_PAGE = 'https://dashboard.ngrok.com/get-started/your-authtoken'
const DOMAINS_PAGE = 'https://dashboard.ngrok.com/domains'

const BAD_TOKEN = {
  message: () =>
    `ngrok rejected the tunnel auth token. Copy it again from ${TOKEN_PAGE} into Connections → Tunnel auth token.`,
  retryable: false,
}
const SUSPENDED = {
  message: (detail: string) => `ngrok suspended this account: ${detail}`,
  retryable: false,
}

/** The codes a user meets most, with what to do about each. */
const KNOWN: Record<string, { message: (detail: string) => string; retryable: boolean }> = {
  ERR_NGROK_105: BAD_TOKEN,
  ERR_NGROK_106: BAD_TOKEN,
  ERR_NGROK_107: BAD_TOKEN,
  ERR_NGROK_300: BAD_TOKEN,
  ERR_NGROK_4018: {
    message: () =>
      `ngrok needs an auth token from a verified account. Sign up, then copy your token from ${TOKEN_PAGE} into Connections → Tunnel auth token.`,
    retryable: false,
  },
  ERR_NGROK_108: {
    message: () =>
      'Another ngrok agent is already running on this ngrok account, and the plan allows only one at a time. Stop the other one (another app, a terminal running ngrok), then start again.',
    retryable: true,
  },
  ERR_NGROK_102: SUSPENDED,
  ERR_NGROK_103: SUSPENDED,
  ERR_NGROK_247: SUSPENDED,
  ERR_NGROK_123: {
    message: (detail) => `ngrok wants the account's email address verified first: ${detail}`,
    retryable: false,
  },
}

function errorCodeOf(error: unknown, message: string): string | undefined {
  if (error && typeof error === 'object' && 'errorCode' in error) {
    const code = error.errorCode
    if (typeof code === 'string') return code
  }
  return /ERR_NGROK_\d+/.exec(message)?.[0]
}

function docsFor(code: string): string {
  return `https://ngrok.com/docs/errors/${code.toLowerCase()}/`
}

/**
 * The first line of ngrok's message with the token masked: ngrok echoes the token it was given
 * ("Your authtoken: …"), and that must never reach a status line or a log.
 */
function cleanDetail(message: string, authToken: string | undefined): string {
  const masked = redactKnownSecrets(message, authToken ? [authToken] : []).replace(
    /Your authtoken:\s*\S+/gi,
    '',
  )
  const first = masked.split('\n')[0] ?? ''
  return first.replace(/\s*error_code:\s*ERR_NGROK_\d+\s*$/, '').trim()
}

/**
 * ngrok's failures (`@ngrok/ngrok` rejects with `errorCode: 'ERR_NGROK_…'` when the service
 * answered) as messages that say what to do. Codes: https://ngrok.com/docs/errors/
 */
export function explainNgrokError(error: unknown, authToken: string | undefined): TunnelError {
  const raw = error instanceof Error ? error.message : String(error)
  const code = errorCodeOf(error, raw)
  const detail = cleanDetail(raw, authToken)
  const cite = code ? ` (${code}, ${docsFor(code)})` : ''
  const fail = (message: string, retryable: boolean) =>
    new TunnelError(`${message}${cite}`, retryable, { cause: error })

  const known = code ? KNOWN[code] : undefined
  if (known) return fail(known.message(detail), known.retryable)
  if (code && /domain|hostname|subdomain/i.test(detail)) {
    return fail(
      `ngrok would not give this tunnel the requested domain: ${detail}. Reserve it on ${DOMAINS_PAGE} for this account, or leave the domain empty for a random one.`,
      false,
    )
  }
  if (code) return fail(`ngrok refused the tunnel: ${detail}`, true)
  if (
    /failed to (connect session|establish tcp connection)|dns|timed out|connection refused/i.test(
      raw,
    )
  ) {
    return new TunnelError(
      `ngrok could not reach its service: ${detail}. Check the network connection (a VPN, proxy or firewall may block ngrok).`,
      true,
      { cause: error },
    )
  }
  return new TunnelError(`ngrok failed: ${detail}`, true, { cause: error })
}
