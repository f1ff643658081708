import type { ZendeskSimulatorSettings } from '../../../../shared/contract/simulators'
import { isRecord } from '../../../../shared/is-record'
import {
  REQUESTER_NAME_TOO_SHORT,
  REQUESTER_NOT_FOUND,
  requesterEmailInvalid,
  requesterSuspended,
  type ErrorDetail,
} from './error-bodies'
import type { ZdUser } from './model'
import type { ZendeskStore } from './zendesk-store'

/** A deliberately plain check: Zendesk's own rule is unpublished, this catches the usual typos. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** A requester to create once the whole ticket has validated (nothing is written before that). */
export type NewRequester = Omit<ZdUser, 'id' | 'createdAt' | 'updatedAt'>

export type RequesterPlan =
  | { ok: true; existing: ZdUser }
  | { ok: true; create: NewRequester }
  | { ok: false; error: ErrorDetail }

/**
 * Who a new ticket's requester is (§4.2): `requester_id` must name an existing user; a `requester`
 * object finds a user by email (then by external_id) and, when none exists, creates an end user.
 * An existing user is used as-is and never updated from the request.
 */
export function planRequester(
  ticket: Record<string, unknown>,
  submitter: ZdUser,
  store: ZendeskStore,
  settings: ZendeskSimulatorSettings,
): RequesterPlan {
  if (ticket.requester_id !== undefined && ticket.requester_id !== null) {
    const id = toId(ticket.requester_id)
    const user = id === null ? undefined : store.users.get(id)
    return user ? usable(user) : { ok: false, error: REQUESTER_NOT_FOUND }
  }
  if (!isRecord(ticket.requester)) return { ok: true, existing: submitter }

  const requester = ticket.requester
  const email = typeof requester.email === 'string' ? requester.email.trim() : ''
  const externalId = nonEmptyString(requester.external_id)
  if (email !== '') {
    if (!EMAIL.test(email)) return { ok: false, error: requesterEmailInvalid(email) }
    const byEmail = store.userByEmail(email)
    if (byEmail) return usable(byEmail)
  }
  if (externalId) {
    const byExternalId = store.userByExternalId(externalId)
    if (byExternalId) return usable(byExternalId)
  }

  let name: string
  if (typeof requester.name === 'string') name = requester.name.trim()
  else name = email.split('@')[0] ?? ''
  if (name === '') return { ok: false, error: REQUESTER_NAME_TOO_SHORT }

  return {
    ok: true,
    create: {
      name,
      email: email === '' ? null : email,
      phone: nonEmptyString(requester.phone),
      externalId: settings.requesterExternalId === 'set-on-create' ? externalId : null,
      role: 'end-user',
      locale: nonEmptyString(requester.locale) ?? 'en-US',
      timeZone: 'America/New_York',
      // A new requester must verify their identity before they can see their requests (§4.2).
      verified: false,
      active: true,
      suspended: false,
      tags: [],
      userFields: isRecord(requester.user_fields) ? { ...requester.user_fields } : {},
      details: null,
      notes: null,
    },
  }
}

function usable(user: ZdUser): RequesterPlan {
  return user.suspended
    ? { ok: false, error: requesterSuspended(user.name) }
    : { ok: true, existing: user }
}

/** Rails accepts numeric strings for integer ids. */
export function toId(value: unknown): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value
  if (typeof value === 'string' && /^\d{1,15}$/.test(value.trim())) return Number(value.trim())
  return null
}

function nonEmptyString(value: unknown): string | null {
  if (typeof value === 'number') return String(value)
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}
