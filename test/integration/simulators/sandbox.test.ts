import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sandboxSnapshot, type SimulatorEvent } from '../../../shared/contract/simulators'
import {
  SANDBOX_TRIGGER_TITLE,
  startSandbox,
  type Sandbox,
} from '../../../main/core/simulators/sandbox'
import { verifyZendeskWebhook } from '../../../main/core/zendesk/webhook-signature'
import { startReceiver } from './support'

describe('the sandbox: both simulators wired into the Zendesk → Braze loop', () => {
  let sandbox: Sandbox

  beforeEach(async () => {
    sandbox = await startSandbox({ zendeskSettings: { delivery: { queueDelayMs: 0 } } })
  })
  afterEach(() => sandbox.close())

  const firstTicketOf = (externalId: string) =>
    sandbox.zendesk.tickets().find((ticket) => ticket.requesterExternalId === externalId)!

  it('starts both simulators on free loopback ports', () => {
    expect(sandbox.urls.zendesk).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(sandbox.urls.braze).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(sandbox.urls.zendesk).not.toBe(sandbox.urls.braze)
    expect(sandbox.receiverUrl()).toBe(sandbox.urls.brazeTrack)
  })

  it('seeds the sample users into both, with the Braze external_id on the Zendesk user', () => {
    expect(sandbox.braze.profiles().map((p) => p.externalId)).toEqual([
      'u-1001',
      'u-1002',
      'u-1003',
      null,
    ])
    const endUsers = sandbox.zendesk.users().filter((u) => u.role === 'end-user')
    expect(endUsers.map((u) => [u.name, u.externalId])).toEqual([
      ['Ada Lovelace', 'u-1001'],
      ['José "Pepe" Núñez', 'u-1002'],
      ['Mei', 'u-1003'],
      ['Anonymous', null],
    ])
  })

  it('sets up a webhook and a "solved → Braze" trigger carrying the template body', () => {
    const [trigger] = sandbox.zendesk.triggers()
    expect(trigger).toMatchObject({
      id: sandbox.triggerId,
      title: SANDBOX_TRIGGER_TITLE,
      conditions: { all: [{ field: 'status', operator: 'value', value: 'solved' }], any: [] },
    })
    const [action] = trigger!.actions as Array<{ field: string; value: [string, string] }>
    expect(action!.field).toBe('notification_webhook')
    expect(action!.value[0]).toBe(sandbox.webhookId)
    expect(action!.value[1]).toContain('"name": "zendesk_ticket_solved"')
    expect(sandbox.zendesk.webhooks()[0]).toMatchObject({
      endpoint: sandbox.urls.brazeTrack,
      authenticationType: 'bearer_token',
    })
  })

  it('seeds one open ticket per sample user with an external_id', () => {
    expect(sandbox.zendesk.tickets().map((t) => [t.status, t.requesterExternalId])).toEqual([
      ['open', 'u-1001'],
      ['open', 'u-1002'],
      ['open', 'u-1003'],
    ])
  })

  it('solving a ticket lands an attribute update and an event on the Braze profile', async () => {
    const ticket = firstTicketOf('u-1002')
    sandbox.solveTicket(ticket.id)
    await vi.waitFor(() => expect(sandbox.braze.profile('u-1002')?.timeline).toHaveLength(2))
    const profile = sandbox.braze.profile('u-1002')!
    expect(profile.customAttributes).toMatchObject({
      zendesk_last_ticket_id: String(ticket.id),
      zendesk_last_ticket_status: 'Solved',
    })
    expect(profile.timeline[1]).toMatchObject({
      kind: 'event',
      name: 'zendesk_ticket_solved',
      properties: {
        ticket_id: String(ticket.id),
        subject: ticket.subject,
        priority: 'Normal',
        via: 'Web form',
      },
    })
    // Braze applies the update before it answers, so Zendesk may not have read the answer yet.
    await vi.waitFor(() =>
      expect(sandbox.zendesk.invocations()[0]).toMatchObject({
        status: 'succeeded',
        attempts: [{ statusCode: 201 }],
      }),
    )
  })

  it('fires again after a reopen and a second solve', async () => {
    const { id } = firstTicketOf('u-1001')
    sandbox.solveTicket(id)
    await vi.waitFor(() => expect(sandbox.zendesk.invocations()).toHaveLength(1))
    sandbox.reopenTicket(id)
    sandbox.solveTicket(id)
    await vi.waitFor(() => expect(sandbox.zendesk.invocations()).toHaveLength(2))
  })

  it('announces changes on one typed event stream', async () => {
    const controller = new AbortController()
    const seen: SimulatorEvent[] = []
    const stream = sandbox.events.subscribe(controller.signal)
    const reading = (async () => {
      for await (const event of stream) seen.push(event)
    })()
    sandbox.solveTicket(firstTicketOf('u-1001').id)
    await vi.waitFor(() => expect(seen.some((e) => e.type === 'braze.activity')).toBe(true))
    controller.abort()
    await reading
    expect(seen).toContainEqual({ type: 'zendesk.ticket', action: 'updated', ticketId: 1 })
    expect(seen).toContainEqual(
      expect.objectContaining({ type: 'zendesk.invocation', status: 'succeeded' }),
    )
  })

  it('re-points the webhook at another receiver at runtime, then back to Braze', async () => {
    const receiver = await startReceiver()
    try {
      sandbox.setReceiver(receiver.url)
      expect(sandbox.receiverUrl()).toBe(receiver.url)
      sandbox.solveTicket(firstTicketOf('u-1001').id)
      await vi.waitFor(() => expect(receiver.received).toHaveLength(1))
      const [request] = receiver.received
      expect(request!.headers.authorization).toBe(`Bearer ${sandbox.credentials.braze.apiKey}`)
      expect(
        verifyZendeskWebhook({
          secret: sandbox.signingSecret(),
          timestamp: request!.headers['x-zendesk-webhook-signature-timestamp'] as string,
          signature: request!.headers['x-zendesk-webhook-signature'] as string,
          body: request!.body,
        }),
      ).toEqual({ ok: true })
      sandbox.setReceiver(null)
      expect(sandbox.receiverUrl()).toBe(sandbox.urls.brazeTrack)
    } finally {
      await receiver.close()
    }
  })

  it('shows an injected Braze 503 in the invocation log without a retry', async () => {
    sandbox.updateSettings({ braze: { faults: { serverErrorRate: 1, serverErrorStatus: 503 } } })
    sandbox.solveTicket(firstTicketOf('u-1001').id)
    await vi.waitFor(() => expect(sandbox.zendesk.invocations()[0]?.status).toBe('failed'))
    expect(sandbox.zendesk.invocations()[0]!.attempts).toMatchObject([
      { outcome: 'http-error', statusCode: 503, responseBody: '{"message":"Service Unavailable"}' },
    ])
  })

  it('validates a settings change as a whole and changes nothing when any part is wrong', () => {
    expect(() =>
      sandbox.updateSettings({
        zendesk: { placeholderEscaping: 'raw' },
        braze: { faults: { latencyMs: -5 } },
      }),
    ).toThrow(/Invalid simulator settings:[\s\S]*cannot be negative[\s\S]*braze\.faults\.latencyMs/)
    expect(sandbox.zendesk.settings().placeholderEscaping).toBe('json')
  })

  it('gives a snapshot that matches the contract the UI reads', () => {
    const snapshot = sandbox.snapshot()
    expect(sandboxSnapshot.safeParse(snapshot).success).toBe(true)
    expect(JSON.stringify(snapshot)).not.toContain(sandbox.credentials.braze.apiKey)
    expect(JSON.stringify(snapshot)).not.toContain(sandbox.signingSecret())
  })

  it('closes promptly, cancelling deliveries that were still queued', async () => {
    sandbox.updateSettings({ zendesk: { delivery: { queueDelayMs: 60_000 } } })
    sandbox.solveTicket(firstTicketOf('u-1001').id)
    const started = Date.now()
    await sandbox.close()
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(sandbox.zendesk.invocations()[0]?.status).toBe('cancelled')
    await expect(fetch(sandbox.urls.brazeTrack, { method: 'POST' })).rejects.toThrow()
  })
})
