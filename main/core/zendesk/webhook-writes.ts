import { isRecord } from '../../../shared/is-record'
import type { HttpClient } from '../net/http-request'
import {
  zendeskCall,
  zendeskFailure,
  ZendeskApiError,
  type WebhooksTarget,
} from './webhooks-client'

/**
 * Creating, changing and deleting webhooks
 * (https://developer.zendesk.com/api-reference/webhooks/webhooks-api/webhooks/). Credentials are
 * write-only: what an update does not send, Zendesk keeps.
 */

export interface WebhookWrite {
  name: string
  endpoint: string
  http_method: string
  request_format: string
  status: 'active' | 'inactive'
  subscriptions?: string[]
  authentication?: {
    type: 'bearer_token'
    data: { token: string }
    add_position: 'header'
  }
}

export async function createWebhook(
  http: HttpClient,
  target: WebhooksTarget,
  webhook: WebhookWrite,
): Promise<string> {
  const result = await zendeskCall(http, target, 'POST', `${target.baseUrl}/api/v2/webhooks`, {
    webhook,
  })
  if (result.kind === 'answered' && result.status === 201 && isRecord(result.json)) {
    const created = result.json.webhook
    if (isRecord(created) && typeof created.id === 'string') return created.id
    throw new ZendeskApiError('Zendesk created the webhook but its answer has no id.', 201)
  }
  throw zendeskFailure(result, `create the webhook "${webhook.name}"`)
}

/** PATCH: only the fields given change (204). */
export async function patchWebhook(
  http: HttpClient,
  target: WebhooksTarget,
  id: string,
  fields: Partial<WebhookWrite>,
): Promise<void> {
  const url = `${target.baseUrl}/api/v2/webhooks/${encodeURIComponent(id)}`
  const result = await zendeskCall(http, target, 'PATCH', url, { webhook: fields })
  if (result.kind === 'answered' && result.status >= 200 && result.status < 300) return
  throw zendeskFailure(result, `update webhook ${id}`)
}

export async function deleteWebhook(
  http: HttpClient,
  target: WebhooksTarget,
  id: string,
): Promise<void> {
  const url = `${target.baseUrl}/api/v2/webhooks/${encodeURIComponent(id)}`
  const result = await zendeskCall(http, target, 'DELETE', url)
  if (result.kind === 'answered' && (result.status === 204 || result.status === 404)) return
  throw zendeskFailure(result, `delete webhook ${id}`)
}
