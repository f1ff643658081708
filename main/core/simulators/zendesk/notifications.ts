import type { ZendeskSimulatorSettings } from '../../../../shared/contract/simulators'
import type { PlaceholderContext } from '../../zendesk/placeholders/placeholder-context'
import type { ZdTicket, ZdUser } from './model'
import type { PlaceholderRenderer } from '../../zendesk/placeholders/placeholder-renderer'
import { placeholderTicket } from './placeholder-ticket'
import type { PendingNotification } from './trigger-runner'
import type { DeliveryJob } from './webhook-delivery'
import { encodePairs, hasBody } from './webhook-request'
import type { ZendeskStore } from './zendesk-store'

/** A trigger request payload may be at most 16,000 characters (§5.7). */
export const MAX_PAYLOAD_CHARS = 16_000

export interface NotificationContext {
  store: ZendeskStore
  renderer: PlaceholderRenderer
  settings: ZendeskSimulatorSettings
  account: { id: number; name: string }
  origin: string
}

export type BuiltNotification =
  { ok: true; job: DeliveryJob } | { ok: false; job: DeliveryJob; error: string }

/**
 * Renders each fired "notify active webhook" action against the committed ticket. Only active
 * webhooks connected to triggers (`conditional_ticket_events`, §5.1) are notified.
 */
export function buildNotifications(
  pending: readonly PendingNotification[],
  ticket: ZdTicket,
  actor: ZdUser,
  ctx: NotificationContext,
): BuiltNotification[] {
  const built: BuiltNotification[] = []
  const context: PlaceholderContext = {
    ticket: placeholderTicket(ticket, ctx.store.users),
    currentUser: actor,
    account: { ...ctx.account, origin: ctx.origin },
    escaping: ctx.settings.placeholderEscaping,
  }
  const render = (template: string) => {
    const { text, problems } = ctx.renderer.render(template, context)
    if (text === null) throw new Error(problems[0]?.message ?? 'the template cannot be rendered')
    return text
  }

  for (const notification of pending) {
    const webhook = ctx.store.webhooks.get(notification.webhookId)
    if (!webhook || webhook.status !== 'active') continue
    if (!webhook.subscriptions.includes('conditional_ticket_events')) continue
    const job: DeliveryJob = {
      webhook,
      triggerId: notification.triggerId,
      ticketId: ticket.id,
      body: '',
      query: '',
    }
    try {
      const pairs = Array.isArray(notification.body)
        ? (notification.body as unknown[]).map((pair) =>
            Array.isArray(pair) ? [String(pair[0]), render(String(pair[1]))] : pair,
          )
        : null
      if (hasBody(webhook) && webhook.requestFormat !== 'form_encoded') {
        const template =
          typeof notification.body === 'string'
            ? notification.body
            : JSON.stringify(notification.body)
        job.body = render(template)
      } else if (hasBody(webhook)) {
        job.body = encodePairs(pairs)
      } else {
        job.query = encodePairs(pairs)
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      built.push({ ok: false, job, error: `Placeholder rendering failed: ${reason}` })
      continue
    }
    if (job.body.length > MAX_PAYLOAD_CHARS || job.query.length > MAX_PAYLOAD_CHARS) {
      built.push({
        ok: false,
        job,
        error: `The rendered payload has more than ${MAX_PAYLOAD_CHARS} characters, Zendesk's limit for trigger requests.`,
      })
      continue
    }
    built.push({ ok: true, job })
  }
  return built
}
