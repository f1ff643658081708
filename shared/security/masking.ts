/**
 * One place that decides what a secret looks like, used by every export, log, copy and screen.
 * Masking keeps enough to recognise a value (the last 4 characters at most) and never enough to
 * use it.
 */
import { isRecord } from '../is-record'

const MASK = '••••'
const HINT_LENGTH = 4

/**
 * Header names whose values are credentials (compared case-insensitively). Webhook signatures
 * are not: each one only vouches for its own body and timestamp, and people debug with them.
 */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'cookie',
  'set-cookie',
  'x-bridgebench-token',
])

/** Query parameters and JSON fields that hold credentials, wherever they appear. */
const SECRET_KEYS = new Set([
  'api_key',
  'apikey',
  'api_token',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'secret',
  'signing_secret',
  'password',
  'passphrase',
  'authorization',
  'code',
  'code_verifier',
  'authtoken',
  'auth_token',
])

/**
 * Text that may hold a credential-named field: one of the names (any case, `-` or `_`), or a
 * `\\u` escape that could spell one. Lets a large body without any skip the parse.
 */
const SECRET_KEY_WORD = new RegExp(
  [...SECRET_KEYS, '\\\\u'].map((key) => key.replace(/_/g, '[_-]')).join('|'),
  'i',
)

export function isSecretKey(name: string): boolean {
  return SECRET_KEYS.has(name.toLowerCase().replace(/-/g, '_'))
}

export function isSecretHeader(name: string): boolean {
  // Asked of every header of every capture: lower-case only a name that has a capital.
  return (
    SECRET_HEADERS.has(name) || (HAS_CAPITAL.test(name) && SECRET_HEADERS.has(name.toLowerCase()))
  )
}

const HAS_CAPITAL = /[A-Z]/

/** The last few characters of a secret, only when the secret is long enough to hide the rest. */
export function secretHint(value: string): string | undefined {
  return value.length >= 12 ? value.slice(-HINT_LENGTH) : undefined
}

export function maskSecret(value: string): string {
  const hint = secretHint(value)
  return hint ? `${MASK}${hint}` : MASK
}

/**
 * `Basic abc…` → `Basic ••••`: the scheme stays (it tells the reader which auth was used), the
 * credential goes entirely — the tail of a base64 Basic credential is the tail of the token.
 */
export function maskHeaderValue(name: string, value: string): string {
  if (!isSecretHeader(name)) return value
  const scheme = /^(Basic|Bearer|Token|Digest)\s+/i.exec(value)
  return scheme ? `${scheme[1]} ${MASK}` : MASK
}

/** Ordered raw header pairs with every credential value masked; order, case and duplicates kept. */
export function maskHeaderPairs(
  headers: ReadonlyArray<readonly [string, string]>,
): [string, string][] {
  return headers.map(([name, value]) => [name, maskHeaderValue(name, value)])
}

export function maskHeaders<T extends Record<string, string | string[] | undefined>>(
  headers: T,
): T {
  const masked: Record<string, string | string[] | undefined> = {}
  for (const [name, value] of Object.entries(headers)) {
    masked[name] = Array.isArray(value)
      ? value.map((v) => maskHeaderValue(name, v))
      : value === undefined
        ? undefined
        : maskHeaderValue(name, value)
  }
  return masked as T
}

/** Masks user:password@ and credential query parameters; leaves the rest readable. */
export function maskUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return url
  }
  if (parsed.password) parsed.password = MASK
  for (const key of [...parsed.searchParams.keys()]) {
    if (isSecretKey(key)) parsed.searchParams.set(key, MASK)
  }
  return parsed.toString()
}

/** Deep copy of a JSON value with every credential-named field masked. */
export function maskJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskJson)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, inner]) => [
        key,
        isSecretKey(key) && typeof inner === 'string' ? maskSecret(inner) : maskJson(inner),
      ]),
    )
  }
  return value
}

/** A body as text: JSON bodies get field masking; form bodies get parameter masking. */
export function maskBody(body: string, contentType = ''): string {
  const type = contentType.toLowerCase()
  if (type.includes('json') || /^\s*[[{]/.test(body)) {
    try {
      return JSON.stringify(maskJson(JSON.parse(body)))
    } catch {
      return body
    }
  }
  if (type.includes('x-www-form-urlencoded')) {
    const params = new URLSearchParams(body)
    for (const key of [...params.keys()]) if (isSecretKey(key)) params.set(key, MASK)
    return params.toString()
  }
  return body
}

/**
 * The body with credential fields masked, and otherwise byte for byte: only a body that holds
 * such a field is rewritten (masking re-serialises JSON).
 */
export function maskBodyIfSecret(text: string, contentType: string): string {
  return holdsSecret(text, contentType) ? maskBody(text, contentType) : text
}

function holdsSecret(text: string, contentType: string): boolean {
  const type = contentType.toLowerCase()
  if (type.includes('x-www-form-urlencoded'))
    return [...new URLSearchParams(text).keys()].some(isSecretKey)
  if (!SECRET_KEY_WORD.test(text)) return false
  if (!type.includes('json') && !/^\s*[[{]/.test(text)) return false
  try {
    return hasSecretField(JSON.parse(text))
  } catch {
    return false
  }
}

function hasSecretField(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasSecretField)
  if (!isRecord(value)) return false
  return Object.entries(value).some(
    ([key, inner]) => (isSecretKey(key) && typeof inner === 'string') || hasSecretField(inner),
  )
}

/** Replaces every occurrence of known secret values in free text (log lines, error messages). */
export function redactKnownSecrets(text: string, secrets: Iterable<string>): string {
  let out = text
  for (const secret of secrets) {
    if (secret.length < 4) continue
    out = out.split(secret).join(maskSecret(secret))
  }
  return out
}
