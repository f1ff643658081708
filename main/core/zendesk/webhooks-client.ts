import type { HttpClient } from '../net/http-request'
import { callJson, type JsonCallResult } from '../net/json-call'

/** A webhook as the account lists it (https://developer.zendesk.com/api-reference/webhooks/webhooks-api/webhooks/). */
export interface ZendeskWebhook {
  id: string
  name: string
  endpoint: string
  status: string
  httpMethod: string
  requestFormat: string
  subscriptions: string[]
  /** `bearer_token`, `basic_auth`, `api_key`, or null without outbound auth; the secret is write-only. */
  authenticationType: string | null
}

/** One invocation in the webhook's log (its last 7 days), newest first. */
export interface ZendeskInvocation {
  id: string
  createdAt: string
  status: string
  latestCompletedAt: string | null
}

export interface ZendeskAttempt {
  id: string
  status: string
  statusCode: number | null
  completedAt: string | null
  durationMs: number | null
}

export interface WebhooksTarget {
  baseUrl: string
  authorization: string
  timeoutMs?: number
}

/** A Zendesk answer that did not give what was asked, in words a person can act on. */
export class ZendeskApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message)
    this.name = 'ZendeskApiError'
  }
}

const MAX_PAGES = 20

/** GET /api/v2/webhooks, every page (cursor pagination, at most 2,000 webhooks). */
export async function listWebhooks(
  http: HttpClient,
  target: WebhooksTarget,
): Promise<ZendeskWebhook[]> {
  const found: ZendeskWebhook[] = []
  let url: string | null = `${target.baseUrl}/api/v2/webhooks?page[size]=100`
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const body = expectJson(await zendeskCall(http, target, 'GET', url), 'list the webhooks')
    const list = (body as { webhooks?: unknown }).webhooks
    if (Array.isArray(list)) found.push(...list.flatMap(webhookFrom))
    const links = (body as { links?: { next?: unknown }; meta?: { has_more?: unknown } }).links
    const more = (body as { meta?: { has_more?: unknown } }).meta?.has_more === true
    url = more && typeof links?.next === 'string' ? links.next : null
  }
  return found
}

export async function getWebhook(
  http: HttpClient,
  target: WebhooksTarget,
  id: string,
): Promise<ZendeskWebhook> {
  const url = `${target.baseUrl}/api/v2/webhooks/${encodeURIComponent(id)}`
  const body = expectJson(await zendeskCall(http, target, 'GET', url), `read webhook ${id}`)
  const webhook = webhookFrom((body as { webhook?: unknown }).webhook)[0]
  if (!webhook)
    throw new ZendeskApiError(`Zendesk's answer for webhook ${id} has no webhook in it.`, 200)
  return webhook
}

/** PATCH the webhook's endpoint (204 on success). */
export async function setWebhookEndpoint(
  http: HttpClient,
  target: WebhooksTarget,
  id: string,
  endpoint: string,
): Promise<void> {
  const url = `${target.baseUrl}/api/v2/webhooks/${encodeURIComponent(id)}`
  const result = await zendeskCall(http, target, 'PATCH', url, { webhook: { endpoint } })
  if (result.kind === 'answered' && result.status >= 200 && result.status < 300) return
  throw zendeskFailure(result, `point webhook ${id} at ${endpoint}`)
}

/** The webhook's invocation log, newest first (Zendesk keeps 7 days). */
export async function listInvocations(
  http: HttpClient,
  target: WebhooksTarget,
  webhookId: string,
): Promise<ZendeskInvocation[]> {
  const url = `${target.baseUrl}/api/v2/webhooks/${encodeURIComponent(webhookId)}/invocations?page[size]=100`
  const body = expectJson(await zendeskCall(http, target, 'GET', url), 'read the invocation log')
  const list = (body as { invocations?: unknown }).invocations
  if (!Array.isArray(list)) return []
  return list.flatMap((item: unknown) => {
    if (!item || typeof item !== 'object') return []
    const i = item as Record<string, unknown>
    const id = scalar(i.id)
    if (id === null) return []
    return [
      {
        id,
        createdAt: typeof i.created_at === 'string' ? i.created_at : '',
        status: typeof i.status === 'string' ? i.status : 'unknown',
        latestCompletedAt: typeof i.latest_completed_at === 'string' ? i.latest_completed_at : null,
      },
    ]
  })
}

export async function listAttempts(
  http: HttpClient,
  target: WebhooksTarget,
  webhookId: string,
  invocationId: string,
): Promise<ZendeskAttempt[]> {
  const url = `${target.baseUrl}/api/v2/webhooks/${encodeURIComponent(webhookId)}/invocations/${encodeURIComponent(invocationId)}/attempts`
  const body = expectJson(await zendeskCall(http, target, 'GET', url), 'read the attempts')
  const list = (body as { attempts?: unknown }).attempts
  if (!Array.isArray(list)) return []
  return list.flatMap((item: unknown) => {
    if (!item || typeof item !== 'object') return []
    const a = item as Record<string, unknown>
    return [
      {
        id: scalar(a.id) ?? '',
        status: typeof a.status === 'string' ? a.status : 'unknown',
        statusCode: typeof a.status_code === 'number' ? a.status_code : null,
        completedAt: typeof a.completed_at === 'string' ? a.completed_at : null,
        durationMs: typeof a.duration === 'number' ? a.duration : null,
      },
    ]
  })
}

/** One authorized call to the profile's Zendesk REST API; never throws (see callJson). */
export function zendeskCall(
  http: HttpClient,
  target: WebhooksTarget,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  json?: unknown,
): Promise<JsonCallResult> {
  return callJson(http, {
    method,
    url,
    headers: [['authorization', target.authorization]],
    json,
    timeoutMs: target.timeoutMs ?? 15_000,
  })
}

export function expectJson(result: JsonCallResult, what: string, scope = WEBHOOK_ACCESS): unknown {
  if (result.kind === 'answered' && result.status === 200 && result.json !== undefined)
    return result.json
  throw zendeskFailure(result, what, scope)
}

/** Ids arrive as strings or numbers, by endpoint. */
function scalar(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null
}

const WEBHOOK_ACCESS = {
  noun: 'webhook',
  access:
    'webhook access: webhooks need an admin (or a role with webhook permission), and OAuth tokens the webhooks:read/webhooks:write scopes',
}

/**
 * Zendesk's refusal as a message to act on: `noun` names what a 404 did not find, `access` what
 * a 403 lacks (by default, a webhook and webhook access).
 */
export function zendeskFailure(
  result: JsonCallResult,
  what: string,
  { noun, access } = WEBHOOK_ACCESS,
): ZendeskApiError {
  if (result.kind === 'failed')
    return new ZendeskApiError(`Could not ${what}: ${result.failure.message}`, null)
  const said = describe(result.json)
  const status = result.status
  const why =
    status === 401
      ? 'Zendesk refused the credentials. Check the profile, or sign in again.'
      : status === 403
        ? `The credentials lack ${access}.`
        : status === 404
          ? `Zendesk has no such ${noun} (deleted?), or the profile points at another account.`
          : status === 429
            ? 'Zendesk is rate limiting the account; try again in a minute.'
            : status >= 500
              ? 'Zendesk had a server error; try again.'
              : 'Zendesk refused the request.'
  return new ZendeskApiError(
    `Could not ${what} (HTTP ${status}${said ? `: ${said}` : ''}). ${why}`,
    status,
  )
}

function describe(json: unknown): string {
  if (!json || typeof json !== 'object') return ''
  const body = json as { error?: unknown; description?: unknown; errors?: unknown }
  if (Array.isArray(body.errors)) {
    const first = body.errors[0] as { title?: unknown; detail?: unknown } | undefined
    return [first?.title, first?.detail].filter((v) => typeof v === 'string').join(': ')
  }
  return [body.error, body.description].filter((v) => typeof v === 'string').join(': ')
}

function webhookFrom(value: unknown): ZendeskWebhook[] {
  if (!value || typeof value !== 'object') return []
  const w = value as Record<string, unknown>
  if (typeof w.id !== 'string') return []
  return [
    {
      id: w.id,
      name: typeof w.name === 'string' ? w.name : '',
      endpoint: typeof w.endpoint === 'string' ? w.endpoint : '',
      status: typeof w.status === 'string' ? w.status : 'unknown',
      httpMethod: typeof w.http_method === 'string' ? w.http_method : 'POST',
      requestFormat: typeof w.request_format === 'string' ? w.request_format : 'json',
      subscriptions: Array.isArray(w.subscriptions)
        ? w.subscriptions.filter((s): s is string => typeof s === 'string')
        : [],
      authenticationType:
        w.authentication && typeof w.authentication === 'object'
          ? String((w.authentication as { type?: unknown }).type)
          : null,
    },
  ]
}
