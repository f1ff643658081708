import type { AuthorizationHeaderState, SendAuthorization } from '../../../shared/contract/compose'
import type { AuthorizationSource } from '../../../shared/contract/exchanges'
import type { RawHeaders } from '../../../shared/contract/raw-http'
import { findPlaceholders } from '../liquid/lint/placeholders'

/** What the template's rendered Authorization header holds, and the send's default for it. */
export interface AuthorizationPolicy {
  header: AuthorizationHeaderState
  /**
   * As rendered (Braze's behaviour) when the template carries real-looking credentials; the
   * profile's while it holds a placeholder or none, since Braze's published template does.
   */
  suggested: SendAuthorization
}

export function authorizationPolicy(headers: Record<string, string>): AuthorizationPolicy {
  const value = headerValue(headers, 'authorization')?.trim()
  const header: AuthorizationHeaderState = !value
    ? 'missing'
    : holdsPlaceholder(value)
      ? 'placeholder'
      : 'present'
  return { header, suggested: header === 'present' ? 'as-rendered' : 'profile' }
}

export interface SendHeaders {
  headers: RawHeaders
  /** What the exchange records: whose Authorization went out. */
  authorization: AuthorizationSource
}

/**
 * The request headers of a ticket create, as Braze sends a webhook's: the template's rendered
 * headers, names and order as typed. Bridgebench adds only an Idempotency-Key (unless the
 * template sets one), so its retries are safe, and a Content-Type when the template has none
 * (Braze infers one from the body; a ticket body is JSON). With `profile`, the profile's
 * credentials take the Authorization header's place.
 */
export function sendHeaders(
  rendered: Record<string, string>,
  choice: SendAuthorization,
  profileAuthorization: string | null,
  idempotencyKey: string,
): SendHeaders {
  const headers: RawHeaders = []
  let authorized = false
  for (const [name, value] of Object.entries(rendered)) {
    if (name.trim() === '') continue
    if (name.toLowerCase() === 'authorization') {
      if (authorized) continue
      authorized = true
      if (choice === 'profile') {
        if (profileAuthorization !== null) headers.push([name, profileAuthorization])
        continue
      }
    }
    headers.push([name, value])
  }
  if (choice === 'profile' && !authorized && profileAuthorization !== null)
    headers.push(['Authorization', profileAuthorization])
  if (!headerValue(rendered, 'content-type')) headers.push(['Content-Type', 'application/json'])
  if (!headerValue(rendered, 'idempotency-key')) headers.push(['Idempotency-Key', idempotencyKey])
  const sent = headers.some(([name]) => name.toLowerCase() === 'authorization')
  return {
    headers,
    authorization: !sent ? 'none' : choice === 'profile' ? 'profile' : 'as-rendered',
  }
}

/** The key a send's retries share: the template's own Idempotency-Key, or a fresh one. */
export function idempotencyKeyOf(rendered: Record<string, string>, fresh: string): string {
  return headerValue(rendered, 'idempotency-key')?.trim() || fresh
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1]
}

/** `<api_token>` in the value, or inside base64 Basic credentials (Braze's published header). */
function holdsPlaceholder(value: string): boolean {
  if (findPlaceholders(value, false).length > 0) return true
  const basic = /^Basic\s+([A-Za-z0-9+/]+={0,2})$/i.exec(value)
  if (!basic?.[1]) return false
  return findPlaceholders(Buffer.from(basic[1], 'base64').toString('utf8'), false).length > 0
}
