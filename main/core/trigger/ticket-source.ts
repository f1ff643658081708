import type { SampleTicket } from '../../../shared/contract/triggers'
import { isRecord } from '../../../shared/is-record'
import type { HttpClient } from '../net/http-request'
import {
  expectJson,
  zendeskCall,
  ZendeskApiError,
  type WebhooksTarget,
} from '../zendesk/webhooks-client'

/**
 * Sample tickets read from a Zendesk account (real or simulated) through its REST API:
 * https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#show-ticket and the
 * people on it (https://developer.zendesk.com/api-reference/ticketing/users/users/#show-user).
 */

const TICKETS_SCOPE = {
  noun: 'ticket',
  access: 'ticket access: an agent, and OAuth tokens the read (or tickets:read) scope',
}
const PEOPLE = ['requester_id', 'submitter_id', 'assignee_id'] as const

export async function loadTicket(
  http: HttpClient,
  target: WebhooksTarget,
  ticketId: number,
  source: 'sandbox' | 'profile',
): Promise<SampleTicket> {
  const url = `${target.baseUrl}/api/v2/tickets/${ticketId}.json`
  const body = expectJson(
    await zendeskCall(http, target, 'GET', url),
    `read ticket ${ticketId}`,
    TICKETS_SCOPE,
  )
  const ticket = isRecord(body) && isRecord(body.ticket) ? body.ticket : null
  if (!ticket)
    throw new ZendeskApiError(`Zendesk's answer for ticket ${ticketId} has no ticket in it.`, 200)
  return sampleFrom(ticket, await people(http, target, ticket), source)
}

/** The account's most recent tickets (one page, at most `limit`), each with its people. */
export async function listTickets(
  http: HttpClient,
  target: WebhooksTarget,
  source: 'sandbox' | 'profile',
  limit = 25,
): Promise<SampleTicket[]> {
  const url = `${target.baseUrl}/api/v2/tickets.json?per_page=${limit}`
  const body = expectJson(
    await zendeskCall(http, target, 'GET', url),
    'list the tickets',
    TICKETS_SCOPE,
  )
  const list = isRecord(body) && Array.isArray(body.tickets) ? body.tickets.filter(isRecord) : []
  const samples: SampleTicket[] = []
  for (const ticket of list.slice(0, limit))
    samples.push(sampleFrom(ticket, await people(http, target, ticket), source))
  return samples
}

async function people(
  http: HttpClient,
  target: WebhooksTarget,
  ticket: Record<string, unknown>,
): Promise<Array<Record<string, unknown>>> {
  const ids = new Set(
    PEOPLE.map((key) => ticket[key]).filter((id): id is number => typeof id === 'number'),
  )
  const users: Array<Record<string, unknown>> = []
  for (const id of ids) {
    const result = await zendeskCall(http, target, 'GET', `${target.baseUrl}/api/v2/users/${id}`)
    // A person who cannot be read (deleted, no access) renders empty, as Zendesk would show it.
    if (result.kind === 'answered' && result.status === 200 && isRecord(result.json)) {
      const user = result.json.user
      if (isRecord(user)) users.push(user)
    }
  }
  return users
}

function sampleFrom(
  ticket: Record<string, unknown>,
  users: Array<Record<string, unknown>>,
  source: 'sandbox' | 'profile',
): SampleTicket {
  const id = String(ticket.id)
  const subject = typeof ticket.subject === 'string' ? ticket.subject : '(no subject)'
  return {
    key: `${source}:${id}`,
    label: `#${id} ${subject}`,
    source,
    ticket,
    users,
  }
}
