import { describe, expect, it } from 'vitest'
import type { Capture } from '../../../../../shared/contract/captures'
import { correlationOf } from '../../../../../main/core/forward/forward-correlation'
import { triggerTemplateFor } from '../../../../../main/core/forward/trigger-template'

const captureOf = (body: string, webhookId: string | null = '01HWEBHOOK') =>
  ({
    id: '01JDQ8W9T6V3N2M1K0H9G8F7E6',
    route: 'braze',
    request: { body: { encoding: 'utf8', data: body, size: body.length, truncated: false } },
    invocation: { webhookId, invocationId: '8350205582', attempt: 1, accountId: null },
    parse: { kind: 'json', ok: true },
  }) as unknown as Capture

describe("a forward's links to what came before it", () => {
  it('names the capture, route, Zendesk invocation and webhook', () => {
    expect(correlationOf(captureOf('{}'))).toEqual({
      captureId: '01JDQ8W9T6V3N2M1K0H9G8F7E6',
      route: 'braze',
      invocationId: '8350205582',
      webhookId: '01HWEBHOOK',
    })
  })

  it('finds the ticket a trigger body names', () => {
    const body = '{"attributes": [{"external_id": "u-1", "zendesk_last_ticket_id": "42"}]}'
    expect(correlationOf(captureOf(body)).ticketId).toBe('42')
  })

  it("finds the ticket of an event-subscription payload's detail", () => {
    const body = '{"type": "zen:event-type:ticket.status_changed", "detail": {"id": "35436"}}'
    expect(correlationOf(captureOf(body)).ticketId).toBe('35436')
  })
})

describe('the trigger template of a capture', () => {
  const trigger = (webhookId: string) => ({
    title: 'Ticket solved → Braze',
    actions: [{ field: 'notification_webhook', value: [webhookId, '{"a": 1}'] }],
  })

  it("is the body of the trigger that notifies the capture's webhook", () => {
    const triggers = [trigger('other'), trigger('01HWEBHOOK')] as never[]
    expect(triggerTemplateFor(captureOf('{}'), triggers)).toEqual({
      kind: 'trigger',
      name: 'Ticket solved → Braze',
      text: '{"a": 1}',
    })
  })

  it('is unknown when the capture names no webhook', () => {
    expect(triggerTemplateFor(captureOf('{}', null), [trigger('01HWEBHOOK')] as never[])).toBeNull()
  })
})
