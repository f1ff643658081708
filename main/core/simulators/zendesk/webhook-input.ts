import { isRecord } from '../../../../shared/is-record'
import type {
  WebhookAuthentication,
  WebhookHttpMethod,
  WebhookRequestFormat,
  ZdWebhook,
} from './model'

const METHODS: readonly WebhookHttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
const FORMATS: readonly WebhookRequestFormat[] = ['json', 'xml', 'form_encoded']
const MAX_CUSTOM_HEADERS = 5

export type WebhookFields = Pick<
  ZdWebhook,
  | 'name'
  | 'description'
  | 'status'
  | 'endpoint'
  | 'httpMethod'
  | 'requestFormat'
  | 'subscriptions'
  | 'authentication'
  | 'customHeaders'
>

export interface WebhookInputError {
  code: string
  title: string
  detail: string
}

/**
 * Checks a webhook create/update body (§5.1–§5.3). With `base`, missing fields keep the base's
 * values (PATCH); without, the required fields must all be present (POST, PUT).
 */
export function parseWebhookInput(
  raw: unknown,
  base?: WebhookFields,
): { ok: true; fields: WebhookFields } | { ok: false; errors: WebhookInputError[] } {
  const body = isRecord(raw) && isRecord(raw.webhook) ? raw.webhook : {}
  const errors: WebhookInputError[] = []
  const fail = (detail: string) =>
    errors.push({ code: 'InvalidInput', title: 'Invalid input', detail })
  const pick = <K extends string>(key: K) => (key in body ? body[key] : undefined)

  const name = pick('name') ?? base?.name
  if (typeof name !== 'string' || name.trim() === '') fail('name: is required')
  const endpoint = pick('endpoint') ?? base?.endpoint
  if (typeof endpoint !== 'string' || !isHttpUrl(endpoint))
    fail('endpoint: must be an http or https URL')
  const httpMethod = pick('http_method') ?? base?.httpMethod
  if (!METHODS.includes(httpMethod as WebhookHttpMethod))
    fail(`http_method: must be one of ${METHODS.join(', ')}`)
  const requestFormat = pick('request_format') ?? base?.requestFormat
  if (!FORMATS.includes(requestFormat as WebhookRequestFormat))
    fail(`request_format: must be one of ${FORMATS.join(', ')}`)
  const status = pick('status') ?? base?.status ?? 'active'
  if (status !== 'active' && status !== 'inactive') fail('status: must be active or inactive')

  const subscriptions = pick('subscriptions') ?? base?.subscriptions
  if (
    !Array.isArray(subscriptions) ||
    subscriptions.length === 0 ||
    !subscriptions.every((s) => typeof s === 'string')
  ) {
    fail('subscriptions: must be a non-empty array of strings')
  } else if (subscriptions.includes('conditional_ticket_events') && subscriptions.length > 1) {
    // §5.1: trigger webhooks subscribe to exactly this one value.
    fail('subscriptions: conditional_ticket_events cannot be combined with other subscriptions')
  } else if (!subscriptions.includes('conditional_ticket_events')) {
    if (!subscriptions.every((s: string) => s.startsWith('zen:event-type:'))) {
      fail('subscriptions: use conditional_ticket_events or zen:event-type:… names')
    }
    if (httpMethod !== 'POST' || requestFormat !== 'json') {
      fail('Event subscriptions require http_method POST and request_format json')
    }
  }

  const authentication =
    'authentication' in body
      ? parseAuthentication(body.authentication, fail)
      : (base?.authentication ?? null)
  let customHeaders = base?.customHeaders ?? {}
  if ('custom_headers' in body) {
    customHeaders = {}
    if (isRecord(body.custom_headers)) {
      for (const [key, value] of Object.entries(body.custom_headers))
        customHeaders[key] = String(value)
    }
    if (Object.keys(customHeaders).length > MAX_CUSTOM_HEADERS)
      fail(`custom_headers: at most ${MAX_CUSTOM_HEADERS} headers`)
  }
  const description = pick('description') ?? base?.description ?? null

  if (errors.length > 0) return { ok: false, errors }
  return {
    ok: true,
    fields: {
      name: (name as string).trim(),
      description: typeof description === 'string' ? description : null,
      status: status as ZdWebhook['status'],
      endpoint: endpoint as string,
      httpMethod: httpMethod as WebhookHttpMethod,
      requestFormat: requestFormat as WebhookRequestFormat,
      subscriptions: subscriptions as string[],
      authentication,
      customHeaders,
    },
  }
}

/** §5.3: the three outbound authentication types, always added as a header. */
function parseAuthentication(
  raw: unknown,
  fail: (detail: string) => void,
): WebhookAuthentication | null {
  if (raw === null || raw === undefined) return null
  if (!isRecord(raw) || !isRecord(raw.data)) {
    fail('authentication: must be an object with type, data and add_position')
    return null
  }
  const data = raw.data
  const text = (key: string) => (typeof data[key] === 'string' ? data[key] : '')
  switch (raw.type) {
    case 'bearer_token':
      if (text('token') === '') break
      return { type: 'bearer_token', data: { token: text('token') }, add_position: 'header' }
    case 'basic_auth':
      if (text('username') === '') break
      return {
        type: 'basic_auth',
        data: { username: text('username'), password: text('password') },
        add_position: 'header',
      }
    case 'api_key':
      if (text('name') === '') break
      return {
        type: 'api_key',
        data: { name: text('name'), value: text('value') },
        add_position: 'header',
      }
    default:
      fail('authentication.type: must be bearer_token, basic_auth or api_key')
      return null
  }
  fail(`authentication.data: missing the credential for ${String(raw.type)}`)
  return null
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}
