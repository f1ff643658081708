import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { BodyIncompleteError, BodyTooLargeError, parseJson, readBody } from '../../net/read-body'
import { authenticate, authorize, type ZendeskCredentials } from './auth'
import { INVALID_ENDPOINT, MALFORMED_PATH, RATE_LIMIT_EXCEEDED, invalidJson } from './error-bodies'
import type { ZendeskRateLimiter } from './rate-limiter'
import { agentTicketPage } from './agent-page'
import type { ApiResponse, Route, RouteDeps } from './router'
import { ticketView } from './snapshot-views'

const API_PREFIX = '/api/v2'
const MAX_BODY_BYTES = 10 * 1024 * 1024

export interface ZendeskServerDeps extends RouteDeps {
  routes: Route[]
  rateLimiter: ZendeskRateLimiter
  credentials: ZendeskCredentials
}

/**
 * The simulated Zendesk's HTTP front: path normalisation (the `.json` suffix is optional, §0),
 * the account rate limit with its headers on every answer (§3.3), authentication (§1), then the
 * route. Every answer carries Zendesk's general headers (§1.4).
 */
export function createZendeskHandler(deps: ZendeskServerDeps): RequestListener {
  let requestCounter = 0
  return (req, res) => {
    const requestId = `${deps.now().getTime().toString(16)}${(requestCounter++).toString(16).padStart(6, '0')}-SIM`
    handle(req, deps)
      .catch(failureAnswer)
      .then((answer) => send(res, answer, requestId))
      // The answer could not even be written (the client is gone): drop the connection.
      .catch(() => res.destroy())
  }
}

/** A client's mistake found while reading the body is a 4xx; anything else is our fault (500). */
function failureAnswer(error: unknown): ApiResponse {
  if (error instanceof BodyTooLargeError)
    return { status: 413, body: { error: 'RequestTooLarge', description: error.message } }
  if (error instanceof BodyIncompleteError) return { status: 400, body: invalidJson(error.message) }
  const description = error instanceof Error ? error.message : String(error)
  return { status: 500, body: { error: 'InternalError', description } }
}

async function handle(req: IncomingMessage, deps: ZendeskServerDeps): Promise<ApiResponse> {
  const method = req.method ?? 'GET'
  const url = requestUrl(req.url)
  if (!url) return { status: 400, body: MALFORMED_PATH }
  const agent = /^\/agent\/tickets\/(\d+)$/.exec(url.pathname)
  if (method === 'GET' && agent) {
    const id = Number(agent[1])
    const ticket = deps.store.tickets.get(id)
    return agentTicketPage(ticket ? ticketView(ticket, deps.store.users) : undefined, id, (user) =>
      deps.store.users.get(user),
    )
  }
  if (!url.pathname.startsWith(`${API_PREFIX}/`)) return { status: 404, body: INVALID_ENDPOINT }
  const path = url.pathname
    .slice(API_PREFIX.length)
    .replace(/\.json$/, '')
    .replace(/\/+$/, '')

  let matched: string[] = []
  const found = deps.routes.find((candidate) => {
    if (candidate.method !== method) return false
    const match = candidate.pattern.exec(path)
    if (match) matched = match.slice(1)
    return match !== null
  })
  const params: string[] = []
  for (const segment of matched) {
    const decoded = decodeSegment(segment)
    if (decoded === null) return { status: 400, body: MALFORMED_PATH }
    params.push(decoded)
  }

  const ticketUpdate = method === 'PUT' ? /^\/tickets\/(\d+)$/.exec(path) : null
  const auth = authenticate(req.headers.authorization, deps.store, {
    credentials: deps.credentials,
    apiTokensRetired: deps.settings().apiTokensRetired,
  })
  const limit = deps.rateLimiter.check(
    deps.now().getTime(),
    ticketUpdate && auth.ok
      ? { ticketId: Number(ticketUpdate[1]), userId: auth.user.id }
      : undefined,
  )
  const withLimits = (answer: ApiResponse): ApiResponse => ({
    ...answer,
    headers: { ...limit.headers, ...answer.headers },
  })
  if (!limit.allowed) {
    return withLimits({
      status: 429,
      body: RATE_LIMIT_EXCEEDED,
      headers: { 'retry-after': String(limit.retryAfterSeconds) },
    })
  }
  if (!found) return withLimits({ status: 404, body: INVALID_ENDPOINT })

  let user = auth.ok ? auth.user : null
  if (!auth.ok) {
    const anonymousAllowed = found.access === 'anyone' && deps.settings().anonymousUsersMe
    if (!anonymousAllowed) return withLimits(auth)
    user = null
  } else if (found.access !== 'anyone') {
    const refused = authorize(auth.user, auth.scopes, method, found.access)
    if (refused && !refused.ok) return withLimits(refused)
  }

  const rawBody = await readBody(req, MAX_BODY_BYTES)
  const parsed =
    method === 'GET' || method === 'DELETE' ? { ok: true as const, value: {} } : parseJson(rawBody)
  if (!parsed.ok) return withLimits({ status: 400, body: invalidJson(parsed.error) })

  const answer = await found.handle({
    method,
    path,
    query: url.searchParams,
    headers: req.headers,
    rawBody,
    body: parsed.value,
    user,
    params,
  })
  return withLimits(answer)
}

/** Null when the request target cannot be read as a URL (e.g. `http://[` in absolute form). */
function requestUrl(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://simulator.invalid')
  } catch {
    return null
  }
}

/** Null when the segment is not valid percent-encoded UTF-8 (`%E0%A4%A`). */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

function send(res: ServerResponse, answer: ApiResponse, requestId: string): void {
  const ok = answer.status < 400
  const headers: Record<string, string> = {
    'x-zendesk-api-version': 'v2',
    'x-zendesk-application-version': 'v-simulator',
    'x-frame-options': 'SAMEORIGIN',
    'x-request-id': requestId,
    'cache-control': ok ? 'max-age=0, private, must-revalidate' : 'no-cache',
    ...answer.headers,
  }
  if (answer.afterSend) res.once('finish', answer.afterSend)
  if (answer.html !== undefined) {
    res.writeHead(answer.status, { ...headers, 'content-type': 'text/html; charset=utf-8' })
    res.end(answer.html)
    return
  }
  if (answer.status === 204 || answer.body === undefined) {
    res.writeHead(answer.status, headers)
    res.end()
    return
  }
  const body = JSON.stringify(answer.body)
  headers['content-type'] = 'application/json; charset=utf-8'
  headers['content-length'] = String(Buffer.byteLength(body))
  res.writeHead(answer.status, headers)
  res.end(body)
}
