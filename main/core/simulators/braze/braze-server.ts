import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import type {
  BrazePermission,
  BrazeRequestView,
  BrazeSimulatorSettings,
} from '../../../../shared/contract/simulators'
import { FixedWindowCounter } from '../fixed-window-counter'
import { BodyIncompleteError, BodyTooLargeError, parseJson, readBody } from '../../net/read-body'
import {
  ACCESS_DENIED,
  METHOD_NOT_ALLOWED,
  NOT_FOUND,
  RATE_LIMITED,
  invalidApiKey,
  invalidJson,
  serverError,
} from './error-bodies'
import { handleExport } from './export-endpoint'
import type { BrazeProfileStore } from './profile-store'
import { handleTrack, type EndpointAnswer } from './track-endpoint'

/** /users/track payloads are small; 4 MB leaves room for 225 objects with big properties. */
const MAX_BODY_BYTES = 4 * 1024 * 1024
/** /users/export/ids: 250 per minute for workspaces onboarded after 22 Aug 2024 (braze.md §6). */
const EXPORT_PER_MINUTE = 250

/** The REST paths the simulated Braze answers (braze.md §5, §6). */
export const BRAZE_ENDPOINT_PATHS = ['/users/track', '/users/export/ids'] as const
type EndpointPath = (typeof BRAZE_ENDPOINT_PATHS)[number]

interface Endpoint {
  permission: BrazePermission
  counter: FixedWindowCounter
  handle: (body: unknown, now: Date) => EndpointAnswer
}

export interface BrazeServerDeps {
  store: BrazeProfileStore
  settings: () => BrazeSimulatorSettings
  apiKey: string
  now: () => Date
  random: () => number
  /** Called once per answered request (the change feed and request log). */
  onAnswer: (request: BrazeRequestView, touched: string[]) => void
}

/**
 * The simulated Braze REST host: Bearer key auth with per-key permissions (braze.md §4.2), the
 * `X-RateLimit-*` headers on every answer and 429 over budget (§5.3), injected faults, then the
 * endpoint. This is a hot path under load tests: no URL parsing, no schema library, no logging.
 */
export function createBrazeHandler(deps: BrazeServerDeps): RequestListener {
  const table: Record<EndpointPath, Endpoint> = {
    '/users/track': {
      permission: 'users.track',
      counter: new FixedWindowCounter(3_000, 3_000),
      handle: (body, now) => handleTrack(body, deps.store, deps.settings(), now),
    },
    '/users/export/ids': {
      permission: 'users.export.ids',
      counter: new FixedWindowCounter(EXPORT_PER_MINUTE, 60_000),
      handle: (body) => handleExport(body, deps.store),
    },
  }

  // A Map, so a path such as `constructor` or `__proto__` never finds an object's own members.
  const endpoints = new Map<string, Endpoint>(Object.entries(table))

  return (req, res) => {
    try {
      answer(req, res)
    } catch (error) {
      internalError(res, error)
    }
  }

  function answer(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? '/'
    const query = url.indexOf('?')
    const path = query < 0 ? url : url.slice(0, query)
    const endpoint = endpoints.get(path)
    const now = deps.now()
    const settings = deps.settings()
    const finish = (
      status: number,
      body: object,
      headers: Record<string, string>,
      summary: string,
      touched: string[] = [],
    ) => {
      const reply = () => {
        const text = JSON.stringify(body)
        headers['content-type'] = 'application/json'
        headers['content-length'] = String(Buffer.byteLength(text))
        res.writeHead(status, headers)
        res.end(text)
        deps.onAnswer(
          { at: now.toISOString(), method: req.method ?? 'GET', path, status, summary },
          touched,
        )
      }
      if (settings.faults.latencyMs > 0) {
        setTimeout(() => {
          try {
            reply()
          } catch (error) {
            internalError(res, error)
          }
        }, settings.faults.latencyMs)
      } else reply()
    }

    if (!endpoint) return finish(404, NOT_FOUND, {}, 'unknown endpoint')
    if (req.method !== 'POST')
      return finish(405, METHOD_NOT_ALLOWED, { allow: 'POST' }, 'method not allowed')

    const { allowed, headers } = rateLimit(endpoint, settings, now.getTime())
    const authorization = req.headers.authorization ?? ''
    const key = authorization.startsWith('Bearer ') ? authorization.slice(7).trim() : ''
    if (key !== deps.apiKey) return finish(401, invalidApiKey(key), headers, 'invalid API key')
    if (!settings.keyPermissions.includes(endpoint.permission)) {
      return finish(403, ACCESS_DENIED, headers, `key lacks ${endpoint.permission}`)
    }
    if (!allowed) return finish(429, RATE_LIMITED, headers, 'rate limited')
    const { faults } = settings
    if (faults.rateLimitedRate > 0 && deps.random() < faults.rateLimitedRate) {
      return finish(429, RATE_LIMITED, { ...headers, 'x-ratelimit-remaining': '0' }, 'injected 429')
    }
    if (faults.serverErrorRate > 0 && deps.random() < faults.serverErrorRate) {
      return finish(
        faults.serverErrorStatus,
        serverError(faults.serverErrorStatus),
        headers,
        `injected ${faults.serverErrorStatus}`,
      )
    }

    readRequest(req)
      .then((parsed) => {
        if (!parsed.ok) return finish(400, invalidJson(parsed.error), headers, 'invalid JSON')
        const answer = endpoint.handle(parsed.value, now)
        finish(answer.status, answer.body, headers, answer.summary, answer.touched)
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error)
        if (error instanceof BodyTooLargeError)
          return finish(413, { message }, headers, 'body too large')
        if (error instanceof BodyIncompleteError)
          return finish(400, invalidJson(message), headers, 'incomplete body')
        finish(500, { message }, headers, 'internal error')
      })
      .catch((error: unknown) => internalError(res, error))
  }
}

/**
 * The last resort for a fault of ours: a 500 with a body when nothing was sent yet, else the
 * connection is dropped. Never throws, so no request can stop the server.
 */
function internalError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  const text = JSON.stringify({ message: error instanceof Error ? error.message : String(error) })
  res.writeHead(500, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  })
  res.end(text)
}

async function readRequest(req: IncomingMessage) {
  return parseJson(await readBody(req, MAX_BODY_BYTES))
}

/**
 * Takes one request from the endpoint's budget and returns Braze's headers (§5.3): the window's
 * limit, what remains, and the reset as UTC epoch seconds.
 */
function rateLimit(
  endpoint: Endpoint,
  settings: BrazeSimulatorSettings,
  nowMs: number,
): { allowed: boolean; headers: Record<string, string> } {
  const { counter } = endpoint
  if (endpoint.permission === 'users.track') {
    counter.limit = settings.rateLimit.limit
    counter.windowMs = settings.rateLimit.windowSeconds * 1000
  }
  const reset = String(Math.ceil(counter.windowEnd(nowMs) / 1000))
  const limit = String(counter.limit)
  if (!settings.rateLimit.enabled) {
    return {
      allowed: true,
      headers: {
        'x-ratelimit-limit': limit,
        'x-ratelimit-remaining': limit,
        'x-ratelimit-reset': reset,
      },
    }
  }
  const taken = counter.take(nowMs)
  return {
    allowed: taken.allowed,
    headers: {
      'x-ratelimit-limit': limit,
      'x-ratelimit-remaining': String(taken.remaining),
      'x-ratelimit-reset': reset,
    },
  }
}
