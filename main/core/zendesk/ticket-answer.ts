import type { Problem } from '../../../shared/contract/problems'
import type { HttpAnswer } from '../net/http-request'
import { headerValue } from '../net/raw-record'
import { retryAfterSeconds } from '../net/retry-after'

export interface TicketVerdict {
  ok: boolean
  /** Machine-readable: created, unauthorized, forbidden, not-found, invalid, rate-limited, … */
  reason: string
  message: string
  ticketId?: number
  ticketStatus?: string
  /** Seconds Zendesk asked us to wait (429, 503). */
  retryAfterSeconds?: number
  retryable: boolean
  /** 422 details, one per field entry, placed in the template where possible. */
  problems: Problem[]
  idempotency?: 'hit' | 'miss'
}

interface ZendeskErrorBody {
  error?: string | { title?: string; message?: string }
  description?: string
  error_description?: string
  details?: Record<string, Array<{ description?: string; error?: string; field_key?: number }>>
  ticket?: { id?: number; status?: string }
}

/** Where a ticket field sits in the user's template, when the renderer can tell. */
export type FieldLocator = (field: string) => { line: number; column: number } | undefined

/**
 * Turns any answer to POST /api/v2/tickets into a message a person can act on. `now` reads a
 * Retry-After given as an HTTP date.
 */
export function interpretTicketAnswer(
  answer: HttpAnswer,
  context: { host: string; now: Date; locate?: FieldLocator },
): TicketVerdict {
  const body = parse(answer.body.toString('utf8'))
  const lookup = headerValue(answer.headers, 'x-idempotency-lookup')
  const idempotency: TicketVerdict['idempotency'] =
    lookup === 'hit' || lookup === 'miss' ? lookup : undefined
  const said = body ? zendeskSays(body) : ''
  const base: Pick<TicketVerdict, 'problems' | 'retryable' | 'idempotency'> = {
    problems: [],
    retryable: false,
    idempotency,
  }

  if (answer.status === 201 || answer.status === 200) {
    if (!body?.ticket?.id) {
      return { ...base, ok: false, reason: 'not-zendesk', message: notJson(answer, context.host) }
    }
    const replay =
      idempotency === 'hit'
        ? ' (a retry of an earlier send: Zendesk returned the same ticket, no duplicate)'
        : ''
    return {
      ...base,
      ok: true,
      reason: 'created',
      ticketId: body.ticket.id,
      ticketStatus: body.ticket.status,
      message: `Zendesk created ticket #${body.ticket.id}${replay}.`,
    }
  }
  if (!body && answer.status !== 404 && answer.status < 500 && answer.status !== 429) {
    return { ...base, ok: false, reason: 'not-json', message: notJson(answer, context.host) }
  }
  switch (answer.status) {
    case 400:
      if (body?.error === 'IdempotentRequestError') {
        return {
          ...base,
          ok: false,
          reason: 'idempotency-mismatch',
          message: `Zendesk refused the retry: ${said}. The body changed since the first attempt with this Idempotency-Key; send it as a new ticket.`,
        }
      }
      return {
        ...base,
        ok: false,
        reason: 'bad-request',
        message: `Zendesk rejected the request (400${said ? `: ${said}` : ''}). Check that the body is valid JSON.`,
      }
    case 401:
      return {
        ...base,
        ok: false,
        reason: 'unauthorized',
        message: `Zendesk did not accept the credentials (401${said ? `: ${said}` : ''}). ${
          body?.error === 'invalid_token'
            ? 'The OAuth token expired or was revoked: sign in again under Connections.'
            : 'Check the email and API token (token access must be enabled in Admin Center), or switch the profile to OAuth.'
        }`,
      }
    case 403: {
      const scopes = /missing the following required scopes: (.+)$/i.exec(said)?.[1]
      return {
        ...base,
        ok: false,
        reason: 'forbidden',
        message: scopes
          ? `The token lacks the OAuth scope ${scopes} (403). Add it to the OAuth client (tickets need "write") and sign in again.`
          : `Zendesk forbids this user from creating tickets (403${said ? `: ${said}` : ''}). Use an agent or admin account.`,
      }
    }
    case 404:
      return {
        ...base,
        ok: false,
        reason: 'not-found',
        message: `Nothing answers at ${context.host}/api/v2/tickets (404). Check the subdomain in the profile.`,
      }
    case 409:
      return {
        ...base,
        ok: false,
        reason: 'conflict',
        retryable: true,
        message: 'Zendesk reported a conflict (409); retrying usually succeeds.',
      }
    case 422:
      return invalid(body, context, base)
    case 429: {
      const wait = retryAfterSeconds(headerValue(answer.headers, 'retry-after'), context.now)
      return {
        ...base,
        ok: false,
        reason: 'rate-limited',
        retryable: true,
        retryAfterSeconds: wait,
        message: `Zendesk is rate limiting this account (429)${wait !== undefined ? `: it asks to wait ${wait} s` : ''}. Bursts of POST /tickets hit the limit below the plan's budget.`,
      }
    }
  }
  if (answer.status >= 500) {
    const wait = retryAfterSeconds(headerValue(answer.headers, 'retry-after'), context.now)
    return {
      ...base,
      ok: false,
      reason: 'server',
      retryable: true,
      retryAfterSeconds: wait,
      message: `Zendesk had a server error (${answer.status}${said ? `: ${said}` : ''}); the send will be retried with the same Idempotency-Key, so no duplicate is created.`,
    }
  }
  return {
    ...base,
    ok: false,
    reason: 'unexpected',
    message: `Unexpected answer ${answer.status}${said ? `: ${said}` : ''} from Zendesk.`,
  }
}

function invalid(
  body: ZendeskErrorBody | undefined,
  context: { locate?: FieldLocator },
  base: Pick<TicketVerdict, 'problems' | 'retryable' | 'idempotency'>,
): TicketVerdict {
  const problems: Problem[] = []
  for (const [field, entries] of Object.entries(body?.details ?? {})) {
    for (const entry of entries) {
      const where = context.locate?.(field === 'base' ? 'comment' : field)
      problems.push({
        severity: 'error',
        code: `zendesk-${(entry.error ?? 'invalid').toLowerCase()}`,
        message: `${field === 'base' ? '' : `${field}: `}${entry.description ?? 'invalid'}`,
        line: where?.line ?? null,
        column: where?.column ?? null,
        fix: fixFor(field, entry),
      })
    }
  }
  const summary = problems.map((p) => p.message).join('; ')
  return {
    ...base,
    problems,
    ok: false,
    reason: 'invalid',
    message: `Zendesk refused the ticket (422 ${body?.description ?? 'RecordInvalid'}): ${summary || 'no details given'}.`,
  }
}

function fixFor(field: string, entry: { description?: string; error?: string }): string {
  const text = entry.description ?? ''
  if (/Description: cannot be blank/i.test(text))
    return 'Add "comment": {"body": "…"} with a non-empty body.'
  if (field === 'requester' && /Name/.test(text))
    return 'Give the requester a non-empty name (use `| default:`).'
  if (field === 'requester' && /Email/.test(text))
    return 'Send a valid requester email; guard empty ones with `| default:`.'
  if (field === 'requester')
    return 'Send "requester": {"name", "email"} or a Zendesk integer requester_id.'
  if (field === 'status') return 'Use a lowercase status: new, open, pending, hold, solved.'
  return `Correct "${field}" as Zendesk describes, then send again.`
}

function parse(text: string): ZendeskErrorBody | undefined {
  try {
    const value = JSON.parse(text) as ZendeskErrorBody | null
    return value && typeof value === 'object' ? value : undefined
  } catch {
    return undefined
  }
}

function zendeskSays(body: ZendeskErrorBody): string {
  const text =
    body.error_description ??
    body.description ??
    (typeof body.error === 'object' ? body.error.message : body.error)
  return text ?? ''
}

function notJson(answer: HttpAnswer, host: string): string {
  const type = headerValue(answer.headers, 'content-type') ?? 'no content type'
  return `${host} answered ${answer.status} with ${type}, not a Zendesk JSON response. Is the profile's Zendesk URL right (a proxy or login page in between)?`
}
