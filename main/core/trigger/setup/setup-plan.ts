import type { SetupChange, SetupPlan } from '../../../../shared/contract/triggers'
import type { TriggerWrite, ZendeskTrigger } from '../../zendesk/triggers-client'
import type { WebhookWrite } from '../../zendesk/webhook-writes'
import type { ZendeskWebhook } from '../../zendesk/webhooks-client'
import { TRIGGER_SUBSCRIPTION } from './setup-spec'

/** What the account has now, for the names setup manages. */
export interface AccountState {
  webhook: ZendeskWebhook | null
  trigger: ZendeskTrigger | null
  /** The fingerprint of the key setup last wrote to that webhook, if it did. */
  webhookKeyFingerprint: string | null
}

export interface Desired {
  webhook: WebhookWrite
  /** The trigger, its webhook action pointing at `webhookId` (filled in once it exists). */
  trigger: (webhookId: string) => TriggerWrite
  keyFingerprint: string
  /** How the key is shown: masked. */
  keyHint: string
}

export interface PlannedSetup {
  plan: SetupPlan
  /** The webhook fields to send (all for a create); empty when nothing changes. */
  webhookPatch: Partial<WebhookWrite>
  /** Refusals found while planning (a webhook that cannot serve triggers). */
  blocked: string | null
}

const NEW_WEBHOOK = '(the webhook above)'

/** Compares, field by field, what the account has with what setup would write. */
export function planSetup(profileId: string, state: AccountState, desired: Desired): PlannedSetup {
  const notes: string[] = []
  let blocked: string | null = null
  const current = state.webhook
  const want = desired.webhook
  if (current && !current.subscriptions.includes(TRIGGER_SUBSCRIPTION)) {
    blocked = `The webhook "${current.name}" (${current.id}) is connected to Zendesk events, not to triggers, and that cannot be changed: rename it or choose another webhook name.`
    notes.push(blocked)
  }
  const authCurrent = current
    ? current.authenticationType === 'bearer_token' &&
      state.webhookKeyFingerprint === desired.keyFingerprint
      ? `bearer_token (${desired.keyHint})`
      : (current.authenticationType ?? 'none')
    : null
  const webhookFields = [
    field('endpoint', current?.endpoint ?? null, want.endpoint),
    field('http_method', current?.httpMethod ?? null, want.http_method),
    field('request_format', current?.requestFormat ?? null, want.request_format),
    field('status', current?.status ?? null, want.status),
    field('authentication', authCurrent, `bearer_token (${desired.keyHint})`),
  ]
  const webhookPatch: Partial<WebhookWrite> = current ? {} : want
  if (current) {
    const changed = new Set(webhookFields.filter((f) => f.changed).map((f) => f.field))
    if (changed.has('endpoint')) webhookPatch.endpoint = want.endpoint
    if (changed.has('http_method')) webhookPatch.http_method = want.http_method
    if (changed.has('request_format')) webhookPatch.request_format = want.request_format
    if (changed.has('status')) webhookPatch.status = want.status
    if (changed.has('authentication')) webhookPatch.authentication = want.authentication
    if (current.authenticationType !== null && changed.has('authentication'))
      notes.push(
        `The webhook's current credential cannot be read back from Zendesk, so undo cannot restore it.`,
      )
  }
  const webhookChange: SetupChange = {
    kind: 'webhook',
    action: !current ? 'create' : Object.keys(webhookPatch).length > 0 ? 'update' : 'none',
    name: want.name,
    id: current?.id ?? null,
    fields: webhookFields,
  }

  const trigger = state.trigger
  const wantTrigger = desired.trigger(current?.id ?? NEW_WEBHOOK)
  const [currentWebhookId, currentBody] = webhookAction(trigger)
  const [wantWebhookId, wantBody] = webhookAction(wantTrigger)
  const triggerFields = [
    field('active', trigger ? String(trigger.active) : null, String(wantTrigger.active)),
    field(
      'conditions',
      trigger ? JSON.stringify(trigger.conditions) : null,
      JSON.stringify(wantTrigger.conditions),
    ),
    field('notify webhook', trigger ? currentWebhookId : null, wantWebhookId ?? ''),
    field('body', trigger ? currentBody : null, wantBody ?? ''),
  ]
  const triggerChange: SetupChange = {
    kind: 'trigger',
    action: !trigger ? 'create' : triggerFields.some((f) => f.changed) ? 'update' : 'none',
    name: wantTrigger.title,
    id: trigger ? String(trigger.id) : null,
    fields: triggerFields,
  }
  const changes = [webhookChange, triggerChange]
  return {
    plan: {
      profileId,
      changes,
      upToDate: changes.every((change) => change.action === 'none'),
      notes,
    },
    webhookPatch,
    blocked,
  }
}

function field(name: string, current: string | null, desired: string) {
  return { field: name, current, desired, changed: current !== desired }
}

/** The `notification_webhook` action's webhook id and body, or nulls. */
export function webhookAction(
  trigger: Pick<ZendeskTrigger, 'actions'> | null,
): [string | null, string | null] {
  const action = trigger?.actions.find((a) => a.field === 'notification_webhook')
  const value = Array.isArray(action?.value) ? (action.value as unknown[]) : []
  return [
    typeof value[0] === 'string' ? value[0] : null,
    typeof value[1] === 'string' ? value[1] : null,
  ]
}
