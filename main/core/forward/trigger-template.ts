import type { Capture } from '../../../shared/contract/captures'
import type { ZendeskTriggerView } from '../../../shared/contract/simulators'
import type { TemplateRef } from './forwarder'

/**
 * The trigger whose "Notify active webhook" action names the capture's webhook, and the body
 * template it sends (the action's value is `[webhook_id, body]`,
 * https://developer.zendesk.com/api-reference/ticketing/business-rules/triggers/): the lint and
 * Braze's refusals then point at the template's lines, not only the rendered body's.
 */
export function triggerTemplateFor(
  capture: Capture,
  triggers: readonly ZendeskTriggerView[],
): TemplateRef | null {
  const webhookId = capture.invocation.webhookId
  if (!webhookId) return null
  for (const trigger of triggers) {
    for (const action of trigger.actions) {
      if (action.field !== 'notification_webhook' || !Array.isArray(action.value)) continue
      const [id, body] = action.value as unknown[]
      if (id === webhookId && typeof body === 'string')
        return { kind: 'trigger', name: trigger.title, text: body }
    }
  }
  return null
}
