import type { IncomingHttpHeaders } from 'node:http'
import type { ZendeskSimulatorSettings } from '../../../../shared/contract/simulators'
import type { SendHttp } from '../../net/http-request'
import type { IdempotencyStore } from './idempotency'
import type { ZdUser } from './model'
import type { PlaceholderRenderer } from '../../zendesk/placeholders/placeholder-renderer'
import type { TicketService } from './ticket-service'
import type { WebhookDelivery } from './webhook-delivery'
import type { ZendeskStore } from './zendesk-store'

export interface ApiRequest {
  method: string
  /** After `/api/v2`, without a `.json` suffix (§0: it is optional), e.g. `/tickets/12`. */
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  rawBody: Buffer
  /** The parsed JSON body (`{}` when empty). */
  body: unknown
  /** The authenticated user; null only on routes open to anonymous callers. */
  user: ZdUser | null
  params: string[]
}

export interface ApiResponse {
  status: number
  body?: unknown
  /** A page for people (the simulated agent view) instead of a JSON body. */
  html?: string
  headers?: Record<string, string>
  /** Runs once the answer has been sent (webhooks are queued after the update commits, §6.1). */
  afterSend?: () => void
}

export interface RouteDeps {
  store: ZendeskStore
  settings: () => ZendeskSimulatorSettings
  now: () => Date
  random: () => number
  origin: () => string
  tickets: TicketService
  idempotency: IdempotencyStore
  delivery: WebhookDelivery
  renderer: PlaceholderRenderer
  send: SendHttp
  account: { id: number; name: string }
}

export interface Route {
  method: string
  /** As written, e.g. `/tickets/:id` (`:id` numeric, other `:names` one segment). */
  path: string
  pattern: RegExp
  /** `anyone`: answered even without valid credentials (only `/users/me`, §1.3). */
  access: 'anyone' | 'agent' | 'admin'
  handle: (req: ApiRequest) => ApiResponse | Promise<ApiResponse>
}

export function route(
  method: string,
  path: string,
  access: Route['access'],
  handle: Route['handle'],
): Route {
  // `:id` is a numeric record id, so `/tickets/destroy_many` never reads as a ticket.
  const source = path.replace(/:id\b/g, '(\\d+)').replace(/:(\w+)/g, '([^/]+)')
  const pattern = new RegExp(`^${source}$`)
  return { method, path, pattern, access, handle }
}

export function json(
  status: number,
  body?: unknown,
  headers?: Record<string, string>,
): ApiResponse {
  return { status, ...(body === undefined ? {} : { body }), ...(headers ? { headers } : {}) }
}
