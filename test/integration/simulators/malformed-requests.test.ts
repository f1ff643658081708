import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BRAZE_ENDPOINT_PATHS } from '../../../main/core/simulators/braze/braze-server'
import {
  startBrazeSimulator,
  type BrazeSimulator,
} from '../../../main/core/simulators/braze/braze-simulator'
import type { RouteDeps } from '../../../main/core/simulators/zendesk/router'
import { zendeskRoutes } from '../../../main/core/simulators/zendesk/routes'
import {
  startZendeskSimulator,
  type ZendeskSimulator,
} from '../../../main/core/simulators/zendesk/zendesk-simulator'
import { seededRandom } from '../../../main/core/users/random-users'
import { malformedRequests, type FuzzTarget } from './malformed-requests'
import { sendRaw, type RawRequest } from './raw-http'
import { tokenAuth } from './support'

/** Enough per route to hit every kind many times; the whole file stays within seconds. */
const PER_ZENDESK_ROUTE = 30
const PER_BRAZE_ROUTE = 150
const PARALLEL = 8

interface Failure {
  label: string
  request: string
  status: number | null
  body: string
}

/**
 * Sends `count` malformed requests to one target, `PARALLEL` at a time, and returns those
 * answered with a 5xx, or not answered at all when the request was complete.
 */
async function fuzz(
  port: number,
  target: FuzzTarget,
  count: number,
  seed: number,
): Promise<Failure[]> {
  const random = seededRandom(seed)
  const requests = malformedRequests(random, target, count)
  const failures: Failure[] = []
  for (let start = 0; start < requests.length; start += PARALLEL) {
    await Promise.all(
      requests.slice(start, start + PARALLEL).map(async ({ label, request }) => {
        const answer = await sendRaw(port, request)
        const unanswered = answer.status === null && !request.truncate
        if (unanswered || (answer.status ?? 0) >= 500) {
          failures.push({
            label,
            request: describeRequest(request),
            status: answer.status,
            body: answer.body.slice(0, 200),
          })
        }
      }),
    )
  }
  return failures
}

function describeRequest(request: RawRequest): string {
  const target = request.target.length > 80 ? `${request.target.slice(0, 80)}…` : request.target
  const body = request.body ? ` (${request.body.length} bytes)` : ''
  return `${request.method} ${target}${body}`
}

/** Route templates as requests that reach them: `:id` names a record the simulator has. */
function concretePath(template: string, ids: Record<string, string>): string {
  return `/api/v2${template.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? '1')}`
}

describe('simulators answer malformed requests as the real services do (4xx, never 5xx)', () => {
  describe('simulated Zendesk', () => {
    let zendesk: ZendeskSimulator
    let ids: Record<string, string>
    const goodRequest = () =>
      sendRaw(zendesk.port, {
        method: 'GET',
        target: '/api/v2/users/me.json',
        headers: [['authorization', tokenAuth(zendesk)]],
      })

    beforeAll(async () => {
      zendesk = await startZendeskSimulator({
        settings: { rateLimits: { enabled: false } },
        // Nothing leaves the machine, whatever a fuzzed webhook names.
        send: () =>
          Promise.resolve({
            kind: 'failed',
            failure: { reason: 'network', message: 'not sent' },
            timings: { total: 0 },
          }),
      })
      const ticket = zendesk.createTicket({ subject: 'Fuzz', body: 'Target ticket' })
      const webhook = zendesk.createWebhook({ name: 'Fuzz', endpoint: 'http://127.0.0.1:9/hook' })
      zendesk.createTrigger({
        title: 'Fuzz',
        conditions: { all: [{ field: 'status', operator: 'is', value: 'solved' }] },
        actions: [{ field: 'notification_webhook', value: [webhook.id, '{"id": {{ticket.id}}}'] }],
      })
      ids = { id: String(ticket.id), wid: webhook.id, jobId: 'nope', iid: '1' }
    })
    afterAll(() => zendesk.close())

    const routes = zendeskRoutes({} as RouteDeps)

    it.each(routes.map((route, index) => [`${route.method} ${route.path}`, route, index] as const))(
      '%s: no 5xx, and the next good request still works',
      async (_name, route, index) => {
        const target: FuzzTarget = {
          method: route.method,
          path: concretePath(route.path, ids),
          goodAuth: tokenAuth(zendesk),
          bodyKeys: ['ticket', 'tickets', 'webhook', 'trigger', 'user', 'request'],
          bodyWith: (value) =>
            `{"ticket": {"subject": "Fuzz", "comment": {"body": "x"}, "tags": ${value}}}`,
        }
        const failures = await fuzz(zendesk.port, target, PER_ZENDESK_ROUTE, 1_000 + index)
        expect(failures).toEqual([])
        expect((await goodRequest()).status).toBe(200)
      },
    )

    it('answers a body over its size limit with 413, then serves the next request', async () => {
      const answer = await sendRaw(zendesk.port, {
        method: 'POST',
        target: '/api/v2/tickets.json',
        headers: [
          ['authorization', tokenAuth(zendesk)],
          ['content-type', 'application/json'],
        ],
        body: Buffer.alloc(11 * 1024 * 1024, 0x20),
      })
      expect(answer.status).toBe(413)
      expect((await goodRequest()).status).toBe(200)
    })
  })

  describe('simulated Braze', () => {
    let braze: BrazeSimulator
    const goodRequest = () =>
      sendRaw(braze.port, {
        method: 'POST',
        target: '/users/track',
        headers: [
          ['authorization', 'Bearer rest-key'],
          ['content-type', 'application/json'],
        ],
        body: Buffer.from(JSON.stringify({ attributes: [{ external_id: 'u-1', plan: 'pro' }] })),
      })

    beforeAll(async () => {
      braze = await startBrazeSimulator({
        apiKey: 'rest-key',
        settings: { rateLimit: { enabled: false } },
      })
    })
    afterAll(() => braze.close())

    it.each([...BRAZE_ENDPOINT_PATHS, '/users/nope'].map((path, index) => [path, index] as const))(
      'POST %s: no 5xx, and the next good request still works',
      async (path, index) => {
        const target: FuzzTarget = {
          method: 'POST',
          path,
          goodAuth: 'Bearer rest-key',
          bodyKeys: ['attributes', 'events', 'purchases', 'external_ids', 'fields_to_export'],
          bodyWith: (value) =>
            path === '/users/export/ids'
              ? `{"external_ids": ["u-1"], "fields_to_export": ${value}}`
              : `{"attributes": [{"external_id": "u-1", "nested": ${value}, "list": ${value}}]}`,
        }
        const failures = await fuzz(braze.port, target, PER_BRAZE_ROUTE, 2_000 + index)
        expect(failures).toEqual([])
        expect((await goodRequest()).status).toBe(201)
      },
    )

    it('answers a body over its size limit with 413, then serves the next request', async () => {
      const answer = await sendRaw(braze.port, {
        method: 'POST',
        target: '/users/track',
        headers: [
          ['authorization', 'Bearer rest-key'],
          ['content-type', 'application/json'],
        ],
        body: Buffer.alloc(5 * 1024 * 1024, 0x20),
      })
      expect(answer.status).toBe(413)
      expect((await goodRequest()).status).toBe(201)
    })
  })
})
