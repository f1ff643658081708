import {
  SIGNATURE_HEADER,
  SIGNATURE_TIMESTAMP_HEADER,
  signZendeskWebhook,
  signatureTimestamp,
  type SignatureOrder,
} from '../../zendesk/webhook-signature'
import type { ZdWebhook } from './model'

/** What Zendesk sends with a webhook body (reference/zendesk.md §5.3, §5.4). */

const CONTENT_TYPES: Record<ZdWebhook['requestFormat'], string> = {
  json: 'application/json',
  // Presumed, not documented (§5.4, §9 Q2).
  xml: 'application/xml',
  form_encoded: 'application/x-www-form-urlencoded',
}

export interface SignedHeaderInput {
  webhook: ZdWebhook
  accountId: number
  invocationId: string
  body: string
  at: Date
  order: SignatureOrder
  userAgent: string | null
  /** Set on retries that keep the first attempt's signature (§9 Q3). */
  reuse?: { timestamp: string; signature: string }
}

export function webhookHeaders(input: SignedHeaderInput): Record<string, string> {
  const { webhook } = input
  const timestamp = input.reuse?.timestamp ?? signatureTimestamp(input.at)
  const signature =
    input.reuse?.signature ??
    signZendeskWebhook({
      secret: webhook.signingSecret,
      timestamp,
      body: input.body,
      order: input.order,
    })
  const headers: Record<string, string> = {}
  if (input.body !== '') headers['content-type'] = CONTENT_TYPES[webhook.requestFormat]
  if (input.userAgent) headers['user-agent'] = input.userAgent
  headers['x-zendesk-account-id'] = String(input.accountId)
  headers['x-zendesk-webhook-id'] = webhook.id
  headers['x-zendesk-webhook-invocation-id'] = input.invocationId
  headers[SIGNATURE_HEADER] = signature
  headers[SIGNATURE_TIMESTAMP_HEADER] = timestamp
  Object.assign(headers, authenticationHeader(webhook))
  // Custom headers are documented for https endpoints only (§5.2); the simulator sends them anyway.
  for (const [name, value] of Object.entries(webhook.customHeaders))
    headers[name.toLowerCase()] = value
  return headers
}

function authenticationHeader(webhook: ZdWebhook): Record<string, string> {
  const auth = webhook.authentication
  if (!auth) return {}
  switch (auth.type) {
    case 'bearer_token':
      return { authorization: `Bearer ${auth.data.token}` }
    case 'basic_auth': {
      const encoded = Buffer.from(`${auth.data.username}:${auth.data.password}`).toString('base64')
      return { authorization: `Basic ${encoded}` }
    }
    case 'api_key':
      return { [auth.data.name.toLowerCase()]: auth.data.value }
  }
}

/** Headers as the invocation log shows them: credentials replaced, everything else kept. */
export function maskedHeaders(
  headers: Record<string, string>,
  webhook: ZdWebhook,
): Record<string, string> {
  const masked = { ...headers }
  if (masked.authorization) {
    const scheme = masked.authorization.split(' ')[0] ?? ''
    masked.authorization = `${scheme} ********`
  }
  if (webhook.authentication?.type === 'api_key') {
    const name = webhook.authentication.data.name.toLowerCase()
    if (masked[name] !== undefined) masked[name] = '********'
  }
  return masked
}

/**
 * The request body for a method and format (§5.7): POST/PUT/PATCH with JSON or XML send the
 * rendered template; other methods and form encoding send key/value pairs instead.
 */
export function encodePairs(pairs: unknown): string {
  if (!Array.isArray(pairs)) return ''
  const params = new URLSearchParams()
  for (const pair of pairs) {
    if (Array.isArray(pair) && pair.length === 2) params.append(String(pair[0]), String(pair[1]))
  }
  return params.toString()
}

export function hasBody(webhook: ZdWebhook): boolean {
  return (
    webhook.httpMethod === 'POST' || webhook.httpMethod === 'PUT' || webhook.httpMethod === 'PATCH'
  )
}
