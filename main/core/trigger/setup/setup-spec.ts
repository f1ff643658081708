import { createHash } from 'node:crypto'
import type { TriggerConditionChoice } from '../../../../shared/contract/triggers'
import type { TriggerWrite } from '../../zendesk/triggers-client'
import type { WebhookWrite } from '../../zendesk/webhook-writes'

/**
 * What one-step setup wants in the Zendesk account, as the Braze partner page sets it up by hand
 * (https://www.braze.com/docs/partners/additional_channels_and_extensions/additional_channels/support/zendesk/):
 * a "Trigger or automation" webhook (POST, JSON, Bearer = the Braze REST key) and a trigger
 * whose action notifies it with the composed body.
 */

/**
 * The offered conditions, in the Triggers API's terms
 * (https://developer.zendesk.com/documentation/ticketing/reference-guides/conditions-reference/):
 * "status changed to" is the `value` operator on `status`.
 */
export const TRIGGER_CONDITIONS: Record<
  TriggerConditionChoice,
  { label: string; conditions: TriggerWrite['conditions'] }
> = {
  solved: {
    label: 'Status category changed to solved',
    conditions: { all: [{ field: 'status', operator: 'value', value: 'solved' }], any: [] },
  },
  'solved-or-closed': {
    label: 'Status category changed to solved or closed',
    conditions: {
      all: [],
      any: [
        { field: 'status', operator: 'value', value: 'solved' },
        { field: 'status', operator: 'value', value: 'closed' },
      ],
    },
  },
  closed: {
    label: 'Status category changed to closed',
    conditions: { all: [{ field: 'status', operator: 'value', value: 'closed' }], any: [] },
  },
  created: {
    label: 'Ticket is created',
    conditions: { all: [{ field: 'update_type', operator: 'is', value: 'Create' }], any: [] },
  },
  updated: {
    label: 'Ticket is updated',
    conditions: { all: [{ field: 'update_type', operator: 'is', value: 'Change' }], any: [] },
  },
}

/** Trigger webhooks subscribe to this one value (it cannot change after creation). */
export const TRIGGER_SUBSCRIPTION = 'conditional_ticket_events'

export function desiredWebhook(name: string, endpoint: string, token: string): WebhookWrite {
  return {
    name,
    endpoint,
    http_method: 'POST',
    request_format: 'json',
    status: 'active',
    subscriptions: [TRIGGER_SUBSCRIPTION],
    authentication: { type: 'bearer_token', data: { token }, add_position: 'header' },
  }
}

export function desiredTrigger(
  title: string,
  condition: TriggerConditionChoice,
  webhookId: string,
  template: string,
): TriggerWrite {
  return {
    title,
    active: true,
    conditions: TRIGGER_CONDITIONS[condition].conditions,
    actions: [{ field: 'notification_webhook', value: [webhookId, template] }],
  }
}

/**
 * Zendesk never shows a webhook's credential again, so whether it still holds the key setup
 * wrote is known only by remembering a fingerprint of it (never the key).
 */
export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16)
}
