import { randomBytes } from 'node:crypto'
import { isRecord } from '../../../../shared/is-record'
import { IDEMPOTENCY_KEY_TOO_LONG, IDEMPOTENCY_MISMATCH, RECORD_NOT_FOUND } from './error-bodies'
import { IDEMPOTENCY_KEY_MAX } from './idempotency'
import { commentJson, jobStatusJson, ticketJson } from './json-views'
import type { ZdJobStatus, ZdUser } from './model'
import { paginate } from './pagination'
import {
  json,
  route,
  type ApiRequest,
  type ApiResponse,
  type Route,
  type RouteDeps,
} from './router'

/** Bulk endpoints take up to 100 ids (§4.1). */
const MAX_BULK_IDS = 100

/** Tickets (§4.1): create, show, list, update, delete, bulk delete, comments and job statuses. */
export function ticketRoutes(deps: RouteDeps): Route[] {
  const origin = () => deps.origin()
  return [
    route('POST', '/tickets', 'agent', (req) => createTicket(req, deps)),
    route('GET', '/tickets', 'agent', (req) => {
      const externalId = req.query.get('external_id')
      const tickets = [...deps.store.tickets.values()]
        .filter((ticket) => externalId === null || ticket.externalId === externalId)
        .sort((a, b) => a.id - b.id)
      const url = `${origin()}/api/v2/tickets.json`
      return json(
        200,
        paginate(tickets, req.query, url, 'tickets', (t) => ticketJson(t, origin())),
      )
    }),
    route('DELETE', '/tickets/destroy_many', 'agent', (req) => destroyMany(req, deps)),
    route('GET', '/tickets/:id', 'agent', (req) => {
      const ticket = deps.store.tickets.get(Number(req.params[0]))
      return ticket
        ? json(200, { ticket: ticketJson(ticket, origin()) })
        : json(404, RECORD_NOT_FOUND)
    }),
    route('GET', '/tickets/:id/comments', 'agent', (req) => {
      const ticket = deps.store.tickets.get(Number(req.params[0]))
      if (!ticket) return json(404, RECORD_NOT_FOUND)
      const url = `${origin()}/api/v2/tickets/${ticket.id}/comments.json`
      return json(200, paginate(ticket.comments, req.query, url, 'comments', commentJson))
    }),
    route('PUT', '/tickets/:id', 'agent', (req) => {
      const ticketBody = isRecord(req.body) && isRecord(req.body.ticket) ? req.body.ticket : {}
      const outcome = deps.tickets.update(
        Number(req.params[0]),
        ticketBody,
        req.user as ZdUser,
        'api',
      )
      if (!outcome.ok)
        return json(outcome.status, outcome.status === 404 ? RECORD_NOT_FOUND : outcome.body)
      return {
        status: 200,
        body: { ticket: ticketJson(outcome.ticket, origin()), audit: outcome.audit },
        afterSend: outcome.notify,
      }
    }),
    route('DELETE', '/tickets/:id', 'agent', (req) =>
      deps.store.deleteTicket(Number(req.params[0])) ? json(204) : json(404, RECORD_NOT_FOUND),
    ),
    route('GET', '/job_statuses/:jobId', 'agent', (req) => {
      const job = deps.store.jobs.get(req.params[0] ?? '')
      return job
        ? json(200, { job_status: jobStatusJson(job, origin()) })
        : json(404, RECORD_NOT_FOUND)
    }),
  ]
}

/** §2.1: a key seen before with the same body replays the stored 201 and creates nothing. */
function createTicket(req: ApiRequest, deps: RouteDeps): ApiResponse {
  const rawKey = req.headers['idempotency-key']
  const key = Array.isArray(rawKey) ? rawKey[0] : rawKey
  const nowMs = deps.now().getTime()
  if (key !== undefined) {
    if (key.length > IDEMPOTENCY_KEY_MAX) return json(400, IDEMPOTENCY_KEY_TOO_LONG)
    const lookup = deps.idempotency.lookup(key, req.rawBody, nowMs)
    if (lookup.kind === 'mismatch') return json(400, IDEMPOTENCY_MISMATCH)
    if (lookup.kind === 'hit') {
      const { status, body, headers } = lookup.response
      return json(status, body, { ...headers, 'x-idempotency-lookup': 'hit' })
    }
  }
  const ticketBody = isRecord(req.body) && isRecord(req.body.ticket) ? req.body.ticket : {}
  const outcome = deps.tickets.create(ticketBody, req.user as ZdUser, 'api')
  const lookupHeader: Record<string, string> =
    key === undefined ? {} : { 'x-idempotency-lookup': 'miss' }
  if (!outcome.ok) return json(outcome.status, outcome.body, lookupHeader)
  const location = `${deps.origin()}/api/v2/tickets/${outcome.ticket.id}.json`
  const body = { ticket: ticketJson(outcome.ticket, deps.origin()), audit: outcome.audit }
  if (key !== undefined) {
    deps.idempotency.remember(key, req.rawBody, { status: 201, body, headers: { location } }, nowMs)
  }
  return { status: 201, body, headers: { location, ...lookupHeader }, afterSend: outcome.notify }
}

/** §4.1 and §4.6: answers at once with a queued job; the deletions happen in the background. */
function destroyMany(req: ApiRequest, deps: RouteDeps): ApiResponse {
  const ids = (req.query.get('ids') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
  // Approximations: the error text for a missing or oversized id list is not recorded.
  if (ids.length === 0) {
    return json(400, {
      error: 'InvalidValue',
      description: 'ids: provide a comma-separated list of ticket ids',
    })
  }
  if (ids.length > MAX_BULK_IDS) {
    return json(400, {
      error: 'InvalidValue',
      description: `ids: at most ${MAX_BULK_IDS} ids per request`,
    })
  }
  const now = deps.now()
  const job: ZdJobStatus = {
    id: randomBytes(16).toString('hex'),
    jobType: 'Bulk Delete Tickets',
    total: ids.length,
    progress: 0,
    status: 'queued',
    message: null,
    results: [],
    createdAt: now,
  }
  deps.store.addJob(job, now)
  const answer = json(200, { job_status: jobStatusJson(job, deps.origin()) })
  return {
    ...answer,
    afterSend: () => {
      setImmediate(() => {
        // Result rows follow the bulk-update shape of §4.6 (the delete shape is not recorded).
        job.results = ids.map((id, index) => {
          const deleted = deps.store.deleteTicket(Number(id))
          return deleted
            ? {
                id: Number(id),
                index,
                action: 'delete',
                success: true,
                status: 'Deleted',
                errors: '',
              }
            : {
                id: Number(id),
                index,
                action: 'delete',
                success: false,
                status: 'Failed',
                errors: 'RecordNotFound',
              }
        })
        job.progress = ids.length
        job.status = 'completed'
        job.message = `Completed at ${rubyUtc(deps.now())}`
      })
    },
  }
}

/** `2018-03-08 06:07:49 +0000`, the job message's time format (§4.6). */
function rubyUtc(date: Date): string {
  const iso = date.toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000`
}
