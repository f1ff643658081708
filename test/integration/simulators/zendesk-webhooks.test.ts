import type { ServerResponse } from 'node:http'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  startZendeskSimulator,
  type ZendeskSimulator,
} from '../../../main/core/simulators/zendesk/zendesk-simulator'
import {
  ZENDESK_TEST_SIGNING_SECRET,
  verifyZendeskWebhook,
} from '../../../main/core/zendesk/webhook-signature'
import { startReceiver, zendeskApi, type ReceivedRequest } from './support'

const BODY =
  '{"ticket_id": "{{ticket.id}}", "status": "{{ticket.status}}", "subject": "{{ticket.title}}"}'

describe('simulated Zendesk webhooks and triggers (reference/zendesk.md §5, §6)', () => {
  let zendesk: ZendeskSimulator
  let api: ReturnType<typeof zendeskApi>
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  let respond: (request: ReceivedRequest, res: ServerResponse) => void

  beforeEach(async () => {
    respond = (_req, res) => res.end('ok')
    receiver = await startReceiver((req, res) => respond(req, res))
    zendesk = await startZendeskSimulator({
      account: { id: 123456 },
      settings: { delivery: { queueDelayMs: 0, retryDelayMs: 5, timeoutMs: 200 } },
    })
    api = zendeskApi(zendesk)
  })
  afterEach(async () => {
    await zendesk.close()
    await receiver.close()
  })

  async function webhookAndTrigger(extra: Record<string, unknown> = {}) {
    const webhook = await api('POST', '/webhooks', {
      webhook: {
        name: 'Bridge',
        endpoint: receiver.url,
        http_method: 'POST',
        request_format: 'json',
        status: 'active',
        subscriptions: ['conditional_ticket_events'],
        ...extra,
      },
    })
    const id = (webhook.body as { webhook: { id: string } }).webhook.id
    const trigger = await api('POST', '/triggers', {
      trigger: {
        title: 'Solved → bridge',
        conditions: { all: [{ field: 'status', operator: 'value', value: 'solved' }], any: [] },
        actions: [{ field: 'notification_webhook', value: [id, BODY] }],
      },
    })
    expect(trigger.status).toBe(201)
    return id
  }

  async function openTicket(subject = 'Printer') {
    const answer = await api('POST', '/tickets', {
      ticket: { subject, comment: { body: 'help' }, status: 'open' },
    })
    return (answer.body as { ticket: { id: number } }).ticket.id
  }

  describe('webhooks API (§5.2)', () => {
    it('creates a webhook (201) and never returns its credentials', async () => {
      const answer = await api('POST', '/webhooks', {
        webhook: {
          name: 'Braze',
          endpoint: 'https://rest.iad-01.braze.com/users/track',
          http_method: 'POST',
          request_format: 'json',
          subscriptions: ['conditional_ticket_events'],
          authentication: {
            type: 'bearer_token',
            data: { token: 'secret' },
            add_position: 'header',
          },
        },
      })
      expect(answer.status).toBe(201)
      const webhook = (answer.body as { webhook: Record<string, unknown> }).webhook
      expect(webhook.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
      expect(webhook).toMatchObject({
        status: 'active',
        authentication: { type: 'bearer_token', add_position: 'header' },
      })
      expect(JSON.stringify(webhook)).not.toContain('secret')
    })

    it('lists, shows, patches (204) and deletes (204) webhooks', async () => {
      const id = await webhookAndTrigger()
      const list = await api('GET', '/webhooks?filter[name_contains]=brid')
      expect((list.body as { webhooks: Array<{ id: string }> }).webhooks.map((w) => w.id)).toEqual([
        id,
      ])
      expect(list.body).toMatchObject({ meta: { has_more: false } })
      const patched = await api('PATCH', `/webhooks/${id}`, { webhook: { status: 'inactive' } })
      expect(patched.status).toBe(204)
      expect((await api('GET', `/webhooks/${id}`)).body).toMatchObject({
        webhook: { status: 'inactive', name: 'Bridge' },
      })
      expect((await api('DELETE', `/webhooks/${id}`)).status).toBe(204)
      expect((await api('GET', `/webhooks/${id}`)).status).toBe(404)
    })

    it('shows and resets the signing secret', async () => {
      const id = await webhookAndTrigger()
      const shown = await api('GET', `/webhooks/${id}/signing_secret`)
      expect(shown.body).toEqual({
        signing_secret: { algorithm: 'SHA256', secret: zendesk.signingSecret(id) },
      })
      const reset = await api('POST', `/webhooks/${id}/signing_secret`)
      const secret = (reset.body as { signing_secret: { secret: string } }).signing_secret.secret
      expect(secret).not.toBe(
        (shown.body as { signing_secret: { secret: string } }).signing_secret.secret,
      )
      expect(zendesk.signingSecret(id)).toBe(secret)
    })

    it('refuses a webhook mixing conditional_ticket_events with event subscriptions', async () => {
      const answer = await api('POST', '/webhooks', {
        webhook: {
          name: 'x',
          endpoint: receiver.url,
          http_method: 'POST',
          request_format: 'json',
          subscriptions: ['conditional_ticket_events', 'zen:event-type:ticket.created'],
        },
      })
      expect(answer.status).toBe(400)
      expect(answer.body).toEqual({
        errors: [
          {
            code: 'InvalidInput',
            title: 'Invalid input',
            detail:
              'subscriptions: conditional_ticket_events cannot be combined with other subscriptions',
          },
        ],
      })
    })

    it('signs a test send made before the webhook exists with the static test secret', async () => {
      const answer = await api('POST', '/webhooks/test', {
        request: {
          endpoint: receiver.url,
          http_method: 'POST',
          payload: '{"name":"test webhook"}',
          request_format: 'json',
        },
      })
      expect(answer.body).toMatchObject({ response: { status: 200, body: 'ok' } })
      const [request] = receiver.received
      expect(
        verifyZendeskWebhook({
          secret: ZENDESK_TEST_SIGNING_SECRET,
          timestamp: request!.headers['x-zendesk-webhook-signature-timestamp'] as string,
          signature: request!.headers['x-zendesk-webhook-signature'] as string,
          body: request!.body,
        }),
      ).toEqual({ ok: true })
    })
  })

  describe('triggers API (§6.1)', () => {
    it('refuses a condition the simulator cannot evaluate rather than never firing it', async () => {
      const answer = await api('POST', '/triggers', {
        trigger: {
          title: 'x',
          conditions: { all: [{ field: 'satisfaction_score', operator: 'is', value: 'good' }] },
          actions: [{ field: 'status', value: 'open' }],
        },
      })
      expect(answer.status).toBe(422)
      expect(answer.body).toMatchObject({
        error: 'RecordInvalid',
        details: { conditions: [{ error: 'InvalidValue' }] },
      })
    })

    it('refuses a notify action naming a webhook that does not exist', async () => {
      const answer = await api('POST', '/triggers', {
        trigger: {
          title: 'x',
          conditions: { all: [{ field: 'status', operator: 'is', value: 'open' }] },
          actions: [{ field: 'notification_webhook', value: ['01NOPE', '{}'] }],
        },
      })
      expect(answer.status).toBe(422)
    })
  })

  describe('delivery (§5.4, §5.5, §5.7)', () => {
    it('delivers a solved ticket as a signed webhook after the update has answered', async () => {
      zendesk.updateSettings({ delivery: { queueDelayMs: 150 } })
      const id = await webhookAndTrigger()
      const ticketId = await openTicket()
      const put = await api('PUT', `/tickets/${ticketId}.json`, { ticket: { status: 'solved' } })
      const answeredAt = Date.now()
      expect(put.status).toBe(200)
      expect(receiver.received).toHaveLength(0)
      await vi.waitFor(() => expect(receiver.received).toHaveLength(1))
      const [request] = receiver.received
      expect(request!.at).toBeGreaterThanOrEqual(answeredAt)
      expect(request!.method).toBe('POST')
      expect(request!.headers).toMatchObject({
        'content-type': 'application/json',
        'x-zendesk-account-id': '123456',
        'x-zendesk-webhook-id': id,
        'x-zendesk-webhook-invocation-id': expect.stringMatching(/^\d+$/) as unknown,
        'x-zendesk-webhook-signature-timestamp': expect.stringMatching(
          /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
        ) as unknown,
      })
      expect(JSON.parse(request!.body.toString())).toEqual({
        ticket_id: String(ticketId),
        status: 'Solved',
        subject: 'Printer',
      })
      const verdict = verifyZendeskWebhook({
        secret: zendesk.signingSecret(id),
        timestamp: request!.headers['x-zendesk-webhook-signature-timestamp'] as string,
        signature: request!.headers['x-zendesk-webhook-signature'] as string,
        body: request!.body,
      })
      expect(verdict).toEqual({ ok: true })
    })

    it('does not notify for updates that do not change the status category to solved', async () => {
      await webhookAndTrigger()
      const ticketId = await openTicket()
      await api('PUT', `/tickets/${ticketId}`, { ticket: { priority: 'high' } })
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(receiver.received).toHaveLength(0)
    })

    it("sends the webhook's authentication and custom headers (§5.3)", async () => {
      await webhookAndTrigger({
        authentication: {
          type: 'basic_auth',
          data: { username: 'john.doe', password: 'password+change' },
          add_position: 'header',
        },
        custom_headers: { 'X-Env': 'test' },
      })
      zendesk.solveTicket(await openTicket())
      await vi.waitFor(() => expect(receiver.received).toHaveLength(1))
      expect(receiver.received[0]!.headers.authorization).toBe(
        `Basic ${Buffer.from('john.doe:password+change').toString('base64')}`,
      )
      expect(receiver.received[0]!.headers['x-env']).toBe('test')
    })

    it('retries a timed-out delivery, keeping the invocation id, and logs each attempt', async () => {
      let calls = 0
      respond = (_req, res) => {
        calls += 1
        if (calls <= 2) return // never answers: the 200 ms test timeout fires
        res.end('ok')
      }
      await webhookAndTrigger()
      zendesk.solveTicket(await openTicket())
      await vi.waitFor(() => expect(zendesk.invocations()[0]?.status).toBe('succeeded'), {
        timeout: 5_000,
      })
      const [invocation] = zendesk.invocations()
      expect(invocation!.attempts.map((a) => a.outcome)).toEqual(['timeout', 'timeout', 'success'])
      expect(invocation!.attempts[0]!.durationMs).toBeGreaterThanOrEqual(190)
      const ids = receiver.received.map((r) => r.headers['x-zendesk-webhook-invocation-id'])
      expect(new Set(ids).size).toBe(1)
    })

    it('retries a 429 that asks to wait less than 60 s, and not a 503 without Retry-After', async () => {
      const answers = [429, 200]
      respond = (_req, res) => {
        const status = answers.shift() ?? 503
        res.writeHead(status, status === 429 ? { 'retry-after': '0' } : {})
        res.end()
      }
      await webhookAndTrigger()
      zendesk.solveTicket(await openTicket('first'))
      await vi.waitFor(() => expect(zendesk.invocations()[0]?.status).toBe('succeeded'))
      zendesk.solveTicket(await openTicket('second'))
      await vi.waitFor(() => expect(zendesk.invocations()[1]?.status).toBe('failed'))
      expect(zendesk.invocations().map((i) => i.attempts.map((a) => a.statusCode))).toEqual([
        [429, 200],
        [503],
      ])
    })

    it('exposes the invocation log through the API', async () => {
      const id = await webhookAndTrigger()
      zendesk.solveTicket(await openTicket())
      await vi.waitFor(() => expect(zendesk.invocations()[0]?.status).toBe('succeeded'))
      const list = await api('GET', `/webhooks/${id}/invocations`)
      const invocationId = zendesk.invocations()[0]!.id
      expect(list.body).toMatchObject({ invocations: [{ id: invocationId, status: 'succeeded' }] })
      const attempts = await api('GET', `/webhooks/${id}/invocations/${invocationId}/attempts`)
      expect(attempts.body).toMatchObject({
        attempts: [{ id: 1, status: 'success', status_code: 200 }],
      })
    })

    it('inserts placeholder values raw when the escaping switch says so (§6.3)', async () => {
      await webhookAndTrigger()
      zendesk.updateSettings({ placeholderEscaping: 'raw' })
      zendesk.solveTicket(await openTicket('He said "hi"'))
      await vi.waitFor(() => expect(receiver.received).toHaveLength(1))
      expect(receiver.received[0]!.body.toString()).toContain('"subject": "He said "hi""')
    })

    it('escapes placeholder values for JSON by default', async () => {
      await webhookAndTrigger()
      zendesk.solveTicket(await openTicket('He said "hi"'))
      await vi.waitFor(() => expect(receiver.received).toHaveLength(1))
      expect(JSON.parse(receiver.received[0]!.body.toString())).toMatchObject({
        subject: 'He said "hi"',
      })
    })
  })
})
