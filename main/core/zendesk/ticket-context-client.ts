import { z } from 'zod'
import type { HttpClient } from '../net/http-request'
import { callJson } from '../net/json-call'
import {
  apiComment,
  apiUser,
  readApiTicket,
  type ApiComment,
  type ApiTicket,
  type ApiUser,
} from './placeholders/api-ticket-context'

/**
 * Reads what a trigger body needs from a Zendesk account: a ticket with its people and
 * comments, the caller (`current_user`), and the body template of the trigger that notifies a
 * webhook (https://developer.zendesk.com/api-reference/ticketing/business-rules/triggers/).
 */

export interface ZendeskReadTarget {
  /** e.g. `https://acme.zendesk.com`. */
  baseUrl: string
  authorization: string
  timeoutMs?: number
}

export class ZendeskReadError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message)
    this.name = 'ZendeskReadError'
  }
}

export interface TicketBundle {
  ticket: ApiTicket
  users: Map<number, ApiUser>
  comments: ApiComment[]
  currentUserId: number | undefined
  /** What could not be read (a person, the comments): the render goes on without it. */
  missing: string[]
}

/** The ticket (given, or read by id), the people it names, its comments and the caller. */
export async function readTicketBundle(
  http: HttpClient,
  target: ZendeskReadTarget,
  ticket: ApiTicket | number,
): Promise<TicketBundle> {
  const read =
    typeof ticket === 'number'
      ? readApiTicket(
          await getJson(http, target, `/api/v2/tickets/${ticket}.json`, `ticket ${ticket}`),
        )
      : ticket
  const missing: string[] = []
  const comments = await getJson(
    http,
    target,
    `/api/v2/tickets/${read.id}/comments.json`,
    'the comments',
  )
    .then((json) => z.object({ comments: z.array(apiComment) }).parse(json).comments)
    .catch((error: unknown) => {
      missing.push(`comments (${messageOf(error)})`)
      return [] as ApiComment[]
    })
  const me = await getJson(http, target, '/api/v2/users/me.json', 'the current user')
    .then((json) => z.object({ user: apiUser }).parse(json).user)
    .catch(() => undefined)
  const ids = new Set<number>()
  for (const id of [read.requester_id, read.submitter_id, read.assignee_id]) if (id) ids.add(id)
  for (const comment of comments) if (comment.author_id) ids.add(comment.author_id)
  const users = new Map<number, ApiUser>()
  if (me) users.set(me.id, me)
  for (const id of ids) {
    if (users.has(id)) continue
    try {
      users.set(
        id,
        z
          .object({ user: apiUser })
          .parse(await getJson(http, target, `/api/v2/users/${id}.json`, `user ${id}`)).user,
      )
    } catch (error) {
      missing.push(`user ${id} (${messageOf(error)})`)
    }
  }
  return { ticket: read, users, comments, currentUserId: me?.id, missing }
}

const triggerList = z.object({
  triggers: z.array(
    z.looseObject({
      id: z.union([z.number(), z.string()]),
      title: z.string(),
      actions: z.array(z.looseObject({ field: z.string(), value: z.unknown() })),
    }),
  ),
})

/** The body template of the first active trigger that notifies `webhookId`, with its name. */
export async function readTriggerTemplate(
  http: HttpClient,
  target: ZendeskReadTarget,
  webhookId: string,
): Promise<{ template: string; source: string } | undefined> {
  const json = await getJson(http, target, '/api/v2/triggers/active.json', 'the active triggers')
  for (const trigger of triggerList.parse(json).triggers) {
    for (const action of trigger.actions) {
      if (action.field !== 'notification_webhook' || !Array.isArray(action.value)) continue
      const [id, body] = action.value as unknown[]
      if (id !== webhookId) continue
      const template = typeof body === 'string' ? body : JSON.stringify(body)
      return { template, source: `trigger "${trigger.title}" (${trigger.id})` }
    }
  }
  return undefined
}

async function getJson(
  http: HttpClient,
  target: ZendeskReadTarget,
  path: string,
  what: string,
): Promise<unknown> {
  const result = await callJson(http, {
    method: 'GET',
    url: `${target.baseUrl}${path}`,
    headers: [['authorization', target.authorization]],
    timeoutMs: target.timeoutMs ?? 15_000,
  })
  if (result.kind === 'failed')
    throw new ZendeskReadError(
      `Could not read ${what} from Zendesk: ${result.failure.message}`,
      null,
    )
  if (result.status === 200 && result.json !== undefined) return result.json
  const why =
    result.status === 401
      ? 'Zendesk refused the credentials: check the profile, or sign in again.'
      : result.status === 403
        ? 'The credentials may not read it: tickets need an agent, triggers an admin.'
        : result.status === 404
          ? 'Zendesk has no such record (deleted?), or the profile points at another account.'
          : result.status === 429
            ? 'Zendesk is rate limiting the account; try again in a minute.'
            : 'Zendesk did not answer with it.'
  throw new ZendeskReadError(
    `Could not read ${what} from Zendesk (HTTP ${result.status}). ${why}`,
    result.status,
  )
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
