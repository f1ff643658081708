import { headerPairs } from '../../net/raw-record'
import { ZENDESK_TEST_SIGNING_SECRET } from '../../zendesk/webhook-signature'
import { isRecord } from '../../../../shared/is-record'
import { signingSecret, ulid } from '../ids'
import { RECORD_NOT_FOUND, webhookErrors } from './error-bodies'
import { webhookJson } from './json-views'
import type { ZdWebhook } from './model'
import { paginate } from './pagination'
import {
  json,
  route,
  type ApiRequest,
  type ApiResponse,
  type Route,
  type RouteDeps,
} from './router'
import { parseWebhookInput, type WebhookFields } from './webhook-input'
import { webhookHeaders } from './webhook-request'

/** The test answer shows the receiver's first few KB, as the invocation log does. */
const TEST_RESPONSE_BYTES = 16 * 1024

/** The Webhooks API (§5.2): CRUD, signing secret, test sends and the invocation log. */
export function webhookRoutes(deps: RouteDeps): Route[] {
  const find = (req: ApiRequest) => deps.store.webhooks.get(req.params[0] ?? '')
  const notFound = () => json(404, RECORD_NOT_FOUND)
  return [
    route('GET', '/webhooks', 'admin', (req) => {
      const nameContains = req.query.get('filter[name_contains]')?.toLowerCase()
      const status = req.query.get('filter[status]')
      let webhooks = [...deps.store.webhooks.values()].filter(
        (w) =>
          (!nameContains || w.name.toLowerCase().includes(nameContains)) &&
          (!status || w.status === status),
      )
      const sort = req.query.get('sort')
      if (sort === 'name' || sort === 'status')
        webhooks = webhooks.sort((a, b) => a[sort].localeCompare(b[sort]))
      // The webhooks list always paginates by cursor (§5.2).
      const query = new URLSearchParams(req.query)
      if (!query.has('page[size]')) query.set('page[size]', '100')
      return json(
        200,
        paginate(webhooks, query, `${deps.origin()}/api/v2/webhooks`, 'webhooks', webhookJson),
      )
    }),
    route('POST', '/webhooks/test', 'admin', (req) => testWebhook(req, deps)),
    route('POST', '/webhooks', 'admin', (req) => {
      const parsed = parseWebhookInput(req.body)
      if (!parsed.ok) return json(400, webhookErrors(...parsed.errors))
      const webhook = createWebhook(deps, parsed.fields, req.user?.id ?? -1)
      return json(
        201,
        { webhook: webhookJson(webhook) },
        { location: `${deps.origin()}/api/v2/webhooks/${webhook.id}` },
      )
    }),
    route('GET', '/webhooks/:wid', 'admin', (req) => {
      const webhook = find(req)
      return webhook ? json(200, { webhook: webhookJson(webhook) }) : notFound()
    }),
    route('PUT', '/webhooks/:wid', 'admin', (req) => updateWebhook(req, deps, false)),
    route('PATCH', '/webhooks/:wid', 'admin', (req) => updateWebhook(req, deps, true)),
    route('DELETE', '/webhooks/:wid', 'admin', (req) => {
      const id = req.params[0] ?? ''
      if (!deps.store.deleteWebhook(id)) return notFound()
      deps.delivery.forgetWebhook(id)
      return json(204)
    }),
    route('GET', '/webhooks/:wid/signing_secret', 'admin', (req) => {
      const webhook = find(req)
      if (!webhook) return notFound()
      return json(200, { signing_secret: { algorithm: 'SHA256', secret: webhook.signingSecret } })
    }),
    route('POST', '/webhooks/:wid/signing_secret', 'admin', (req) => {
      const webhook = find(req)
      if (!webhook) return notFound()
      webhook.signingSecret = signingSecret()
      webhook.updatedAt = deps.now()
      deps.store.saveWebhook(webhook, 'updated')
      return json(200, { signing_secret: { algorithm: 'SHA256', secret: webhook.signingSecret } })
    }),
    // The invocation and attempt shapes are undocumented (§9 Q8): these mirror the simulator's log.
    route('GET', '/webhooks/:wid/invocations', 'admin', (req) => {
      const webhook = find(req)
      if (!webhook) return notFound()
      const invocations = deps.delivery
        .invocations()
        .filter((inv) => inv.webhookId === webhook.id)
        .reverse()
      const query = new URLSearchParams(req.query)
      if (!query.has('page[size]')) query.set('page[size]', '100')
      return json(
        200,
        paginate(
          invocations,
          query,
          `${deps.origin()}/api/v2/webhooks/${webhook.id}/invocations`,
          'invocations',
          (inv) => ({
            id: inv.id,
            created_at: inv.createdAt,
            latest_completed_at: inv.attempts.at(-1)?.startedAt ?? null,
            status: inv.status,
            trigger_id: inv.triggerId,
            ticket_id: inv.ticketId,
          }),
        ),
      )
    }),
    route('GET', '/webhooks/:wid/invocations/:iid/attempts', 'admin', (req) => {
      const invocation = deps.delivery.invocation(req.params[1] ?? '')
      if (!invocation || invocation.webhookId !== req.params[0]) return notFound()
      return json(200, {
        attempts: invocation.attempts.map((attempt) => ({
          id: attempt.attempt,
          invocation_id: invocation.id,
          status: attempt.outcome,
          status_code: attempt.statusCode,
          completed_at: attempt.startedAt,
          duration: attempt.durationMs,
          error: attempt.error,
          request: { headers: invocation.request.headers, payload: invocation.request.body },
          response: { payload: attempt.responseBody },
        })),
      })
    }),
  ]
}

export function createWebhook(
  deps: Pick<RouteDeps, 'store' | 'now' | 'random'>,
  fields: WebhookFields,
  userId: number,
): ZdWebhook {
  const now = deps.now()
  const webhook: ZdWebhook = {
    ...fields,
    id: ulid(now.getTime(), deps.random),
    signingSecret: signingSecret(),
    createdAt: now,
    updatedAt: now,
    createdBy: String(userId),
    updatedBy: String(userId),
  }
  deps.store.saveWebhook(webhook, 'created')
  return webhook
}

function updateWebhook(req: ApiRequest, deps: RouteDeps, partial: boolean): ApiResponse {
  const webhook = deps.store.webhooks.get(req.params[0] ?? '')
  if (!webhook) return json(404, RECORD_NOT_FOUND)
  const parsed = parseWebhookInput(req.body, partial ? webhook : undefined)
  if (!parsed.ok) return json(400, webhookErrors(...parsed.errors))
  Object.assign(webhook, parsed.fields, {
    updatedAt: deps.now(),
    updatedBy: String(req.user?.id ?? -1),
  })
  deps.store.saveWebhook(webhook, 'updated')
  return json(204)
}

/**
 * `POST /webhooks/test` (§5.6): one signed request, no retries. Before a webhook exists it is
 * signed with the static test secret; with `?webhook_id=` the stored settings and secret apply and
 * the request's fields override them. The response shape is unverified (§9 Q7).
 */
async function testWebhook(req: ApiRequest, deps: RouteDeps): Promise<ApiResponse> {
  const body = isRecord(req.body) ? req.body : {}
  const request = isRecord(body.request) ? body.request : {}
  const stored = deps.store.webhooks.get(req.query.get('webhook_id') ?? '')
  const override = isRecord(body.webhook) ? body.webhook : request
  const merged = parseWebhookInput(
    { webhook: { subscriptions: ['conditional_ticket_events'], name: 'test', ...override } },
    stored,
  )
  if (!merged.ok) return json(400, webhookErrors(...merged.errors))
  const now = deps.now()
  const webhook: ZdWebhook = {
    ...merged.fields,
    id: stored?.id ?? '',
    signingSecret: stored?.signingSecret ?? ZENDESK_TEST_SIGNING_SECRET,
    createdAt: now,
    updatedAt: now,
    createdBy: '-1',
    updatedBy: '-1',
  }
  const payload = typeof request.payload === 'string' ? request.payload : ''
  const settings = deps.settings()
  const headers = webhookHeaders({
    webhook,
    accountId: deps.account.id,
    invocationId: String(Math.floor(deps.random() * 1e10)),
    body: payload,
    at: now,
    order: settings.delivery.signatureOrder,
    userAgent: settings.delivery.userAgent,
  })
  const result = await deps.send({
    url: webhook.endpoint,
    method: webhook.httpMethod,
    headers: headerPairs(headers),
    body: payload === '' ? undefined : payload,
    timeoutMs: settings.delivery.timeoutMs,
    maxResponseBytes: TEST_RESPONSE_BYTES,
  })
  if (result.kind !== 'answered') {
    return json(200, { response: { status: 504, headers: [], body: result.failure.message } })
  }
  const responseHeaders = result.headers.map(([key, value]) => ({ key, value }))
  return json(200, {
    response: {
      status: result.status,
      headers: responseHeaders,
      body: result.body.toString('utf8'),
    },
  })
}
