import type {
  SetupPlan,
  SetupResult,
  SetupStep,
  TriggerConditionChoice,
} from '../../../../shared/contract/triggers'
import { maskSecret } from '../../../../shared/security/masking'
import type { HttpClient } from '../../net/http-request'
import type { JsonStore } from '../../storage/json-store'
import {
  createTrigger,
  deleteTrigger,
  listTriggers,
  updateTrigger,
  type TriggerWrite,
} from '../../zendesk/triggers-client'
import {
  createWebhook,
  deleteWebhook,
  patchWebhook,
  type WebhookWrite,
} from '../../zendesk/webhook-writes'
import { listWebhooks, type WebhooksTarget } from '../../zendesk/webhooks-client'
import { planSetup, type AccountState, type Desired } from './setup-plan'
import { desiredTrigger, desiredWebhook, tokenFingerprint } from './setup-spec'

export interface SetupRequest {
  profileId: string
  zendesk: WebhooksTarget
  endpoint: string
  brazeKey: string
  template: string
  condition: TriggerConditionChoice
  webhookName: string
  triggerTitle: string
}

interface UndoEntry {
  webhook: { id: string; created: boolean; before: Partial<WebhookWrite> | null } | null
  trigger: { id: number; created: boolean; before: TriggerWrite | null } | null
}

interface SetupRecords {
  /** `profileId webhookId` → fingerprint of the key setup wrote there. */
  fingerprints: Record<string, string>
  /** What the last apply that changed something replaced, per profile. */
  undo: Record<string, UndoEntry>
}

/**
 * Sets up the Zendesk side in one step, idempotently: the webhook and the trigger are found by
 * name, created when missing, updated only in the fields that differ; what they were before is
 * kept so undo can put it back. A second apply with the same input makes no call that writes.
 */
export class TriggerSetup {
  constructor(
    private readonly http: HttpClient,
    private readonly store: JsonStore,
  ) {}

  async plan(request: SetupRequest): Promise<SetupPlan> {
    return (await this.prepare(request)).planned.plan
  }

  async apply(request: SetupRequest): Promise<SetupResult> {
    const { planned, state, desired } = await this.prepare(request)
    const { plan } = planned
    const steps: SetupStep[] = []
    if (planned.blocked) {
      steps.push({ kind: 'webhook', action: 'none', id: null, ok: false, message: planned.blocked })
      return { ok: false, plan, steps, undoAvailable: this.undoOf(request.profileId) !== null }
    }
    if (plan.upToDate) {
      steps.push(
        {
          kind: 'webhook',
          action: 'none',
          id: state.webhook?.id ?? null,
          ok: true,
          message: 'The webhook is up to date.',
        },
        {
          kind: 'trigger',
          action: 'none',
          id: String(state.trigger?.id ?? ''),
          ok: true,
          message: 'The trigger is up to date.',
        },
      )
      return { ok: true, plan, steps, undoAvailable: this.undoOf(request.profileId) !== null }
    }
    const undo: UndoEntry = { webhook: null, trigger: null }
    const target = request.zendesk
    let webhookId = state.webhook?.id ?? null
    try {
      if (!state.webhook) {
        webhookId = await createWebhook(this.http, target, desired.webhook)
        undo.webhook = { id: webhookId, created: true, before: null }
        steps.push(
          step('webhook', 'create', webhookId, `Created the webhook "${desired.webhook.name}".`),
        )
      } else if (Object.keys(planned.webhookPatch).length > 0) {
        const before = state.webhook
        await patchWebhook(this.http, target, before.id, planned.webhookPatch)
        undo.webhook = {
          id: before.id,
          created: false,
          before: {
            endpoint: before.endpoint,
            http_method: before.httpMethod,
            request_format: before.requestFormat,
            status: before.status === 'inactive' ? 'inactive' : 'active',
          },
        }
        steps.push(
          step(
            'webhook',
            'update',
            before.id,
            `Updated the webhook: ${changedNames(plan, 'webhook')}.`,
          ),
        )
      } else steps.push(step('webhook', 'none', webhookId, 'The webhook is up to date.'))
      this.remember(request.profileId, webhookId!, desired.keyFingerprint)

      const trigger = desired.trigger(webhookId!)
      if (!state.trigger) {
        const created = await createTrigger(this.http, target, trigger)
        undo.trigger = { id: created.id, created: true, before: null }
        steps.push(
          step('trigger', 'create', String(created.id), `Created the trigger "${trigger.title}".`),
        )
      } else if (plan.changes[1]?.action !== 'none' || state.webhook?.id !== webhookId) {
        const before = state.trigger
        await updateTrigger(this.http, target, before.id, trigger)
        undo.trigger = {
          id: before.id,
          created: false,
          before: {
            title: before.title,
            active: before.active,
            conditions: before.conditions,
            actions: before.actions,
          },
        }
        steps.push(
          step(
            'trigger',
            'update',
            String(before.id),
            `Updated the trigger: ${changedNames(plan, 'trigger')}.`,
          ),
        )
      } else
        steps.push(step('trigger', 'none', String(state.trigger.id), 'The trigger is up to date.'))
    } catch (error) {
      steps.push({
        kind: steps.some((s) => s.kind === 'webhook') ? 'trigger' : 'webhook',
        action: 'none',
        id: null,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      })
    }
    if (undo.webhook || undo.trigger) this.saveUndo(request.profileId, undo)
    return {
      ok: steps.every((s) => s.ok),
      plan,
      steps,
      undoAvailable: this.undoOf(request.profileId) !== null,
    }
  }

  /** Deletes what the last apply created and puts back what it changed. */
  async undo(
    profileId: string,
    zendesk: WebhooksTarget,
    emptyPlan: SetupPlan,
  ): Promise<SetupResult> {
    const entry = this.undoOf(profileId)
    const steps: SetupStep[] = []
    if (!entry) {
      steps.push({
        kind: 'trigger',
        action: 'none',
        id: null,
        ok: false,
        message: 'There is no setup to undo for this profile.',
      })
      return { ok: false, plan: emptyPlan, steps, undoAvailable: false }
    }
    try {
      if (entry.trigger?.created) {
        await deleteTrigger(this.http, zendesk, entry.trigger.id)
        steps.push(
          step('trigger', 'delete', String(entry.trigger.id), 'Deleted the trigger setup created.'),
        )
      } else if (entry.trigger?.before) {
        await updateTrigger(this.http, zendesk, entry.trigger.id, entry.trigger.before)
        steps.push(
          step('trigger', 'restore', String(entry.trigger.id), 'Restored the trigger as it was.'),
        )
      }
      if (entry.webhook?.created) {
        await deleteWebhook(this.http, zendesk, entry.webhook.id)
        steps.push(
          step('webhook', 'delete', entry.webhook.id, 'Deleted the webhook setup created.'),
        )
      } else if (entry.webhook?.before) {
        await patchWebhook(this.http, zendesk, entry.webhook.id, entry.webhook.before)
        steps.push(
          step(
            'webhook',
            'restore',
            entry.webhook.id,
            'Restored the webhook (its endpoint, method, format and status; not its old credential, which Zendesk never shows).',
          ),
        )
      }
    } catch (error) {
      steps.push({
        kind: 'webhook',
        action: 'none',
        id: null,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      })
      return { ok: false, plan: emptyPlan, steps, undoAvailable: true }
    }
    this.update((records) => {
      delete records.undo[profileId]
    })
    return { ok: true, plan: emptyPlan, steps, undoAvailable: false }
  }

  private async prepare(request: SetupRequest) {
    const [webhooks, triggers] = await Promise.all([
      listWebhooks(this.http, request.zendesk),
      listTriggers(this.http, request.zendesk),
    ])
    const webhook = webhooks.find((w) => w.name === request.webhookName) ?? null
    const state: AccountState = {
      webhook,
      trigger: triggers.find((t) => t.title === request.triggerTitle) ?? null,
      webhookKeyFingerprint: webhook
        ? (this.records().fingerprints[`${request.profileId} ${webhook.id}`] ?? null)
        : null,
    }
    const desired: Desired = {
      webhook: desiredWebhook(request.webhookName, request.endpoint, request.brazeKey),
      trigger: (webhookId) =>
        desiredTrigger(request.triggerTitle, request.condition, webhookId, request.template),
      keyFingerprint: tokenFingerprint(request.brazeKey),
      keyHint: `Braze key ${maskSecret(request.brazeKey)}`,
    }
    return { planned: planSetup(request.profileId, state, desired), state, desired }
  }

  private undoOf(profileId: string): UndoEntry | null {
    return this.records().undo[profileId] ?? null
  }

  private saveUndo(profileId: string, entry: UndoEntry): void {
    this.update((records) => {
      records.undo[profileId] = entry
    })
  }

  private remember(profileId: string, webhookId: string, fingerprint: string): void {
    this.update((records) => {
      records.fingerprints[`${profileId} ${webhookId}`] = fingerprint
    })
  }

  private records(): SetupRecords {
    const data = this.store.read()
    return {
      fingerprints: (data.fingerprints as SetupRecords['fingerprints'] | undefined) ?? {},
      undo: (data.undo as SetupRecords['undo'] | undefined) ?? {},
    }
  }

  private update(change: (records: SetupRecords) => void): void {
    const records = this.records()
    change(records)
    this.store.write({ ...records })
  }
}

function step(
  kind: SetupStep['kind'],
  action: SetupStep['action'],
  id: string | null,
  message: string,
): SetupStep {
  return { kind, action, id, ok: true, message }
}

function changedNames(plan: SetupPlan, kind: 'webhook' | 'trigger'): string {
  const change = plan.changes.find((c) => c.kind === kind)
  return (
    change?.fields
      .filter((f) => f.changed)
      .map((f) => f.field)
      .join(', ') ?? ''
  )
}
