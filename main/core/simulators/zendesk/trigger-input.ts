import { isRecord } from '../../../../shared/is-record'
import { scalarText } from '../../zendesk/scalar-text'
import { blankValue, invalidValue, type ErrorDetails } from './error-bodies'
import type { TriggerAction, TriggerCondition, ZdTrigger } from './model'
import type { PlaceholderRenderer } from '../../zendesk/placeholders/placeholder-renderer'
import { SUPPORTED_CONDITIONS } from './trigger-conditions'
import { SUPPORTED_ACTIONS } from './trigger-runner'
import type { ZendeskStore } from './zendesk-store'

export type TriggerFields = Pick<
  ZdTrigger,
  'title' | 'description' | 'active' | 'position' | 'conditions' | 'actions' | 'categoryId'
>

/**
 * Checks a trigger body (§6.1). Conditions and actions the simulator cannot evaluate are refused
 * with a message saying so, rather than accepted and silently never firing. The 422 texts are
 * approximations in Zendesk's `RecordInvalid` shape.
 */
export function parseTriggerInput(
  raw: unknown,
  ctx: { store: ZendeskStore; renderer: PlaceholderRenderer; base?: TriggerFields },
): { ok: true; fields: TriggerFields } | { ok: false; details: ErrorDetails } {
  const body = isRecord(raw) && isRecord(raw.trigger) ? raw.trigger : {}
  const base = ctx.base
  const details: ErrorDetails = {}
  const add = (field: string, detail: ErrorDetails[string][number]) =>
    (details[field] ??= []).push(detail)

  const title = 'title' in body ? body.title : base?.title
  if (typeof title !== 'string' || title.trim() === '') add('title', blankValue('Title'))

  const conditions =
    'conditions' in body
      ? readConditions(body.conditions)
      : (base?.conditions ?? { all: [], any: [] })
  if (conditions.all.length + conditions.any.length === 0)
    add('conditions', blankValue('Conditions'))
  for (const condition of [...conditions.all, ...conditions.any]) {
    const operators = SUPPORTED_CONDITIONS[condition.field]
    if (!operators)
      add(
        'conditions',
        invalidValue('Conditions', `the field "${condition.field}" is not simulated`),
      )
    else if (!operators.includes(condition.operator)) {
      add(
        'conditions',
        invalidValue(
          'Conditions',
          `the operator "${condition.operator}" is not valid for "${condition.field}"`,
        ),
      )
    }
  }

  const actions = 'actions' in body ? readActions(body.actions) : (base?.actions ?? [])
  if (actions.length === 0) add('actions', blankValue('Actions'))
  for (const action of actions) {
    if (!(SUPPORTED_ACTIONS as readonly string[]).includes(action.field)) {
      add('actions', invalidValue('Actions', `the action "${action.field}" is not simulated`))
      continue
    }
    if (action.field !== 'notification_webhook') continue
    const [webhookId, template] = Array.isArray(action.value) ? (action.value as unknown[]) : []
    const webhook = typeof webhookId === 'string' ? ctx.store.webhooks.get(webhookId) : undefined
    if (!webhook) {
      add(
        'actions',
        invalidValue(
          'Actions',
          `notification_webhook names no existing webhook (${String(webhookId)})`,
        ),
      )
    } else if (!webhook.subscriptions.includes('conditional_ticket_events')) {
      // §5.1: an event-subscription webhook cannot be used by a trigger.
      add(
        'actions',
        invalidValue(
          'Actions',
          `webhook ${webhook.id} is not connected to triggers (conditional_ticket_events)`,
        ),
      )
    } else if (typeof template === 'string') {
      const [problem] = ctx.renderer.syntaxProblems(template)
      if (problem) {
        add(
          'actions',
          invalidValue('Actions', `the webhook body is not valid Liquid: ${problem.message}`),
        )
      }
    }
  }

  if (Object.keys(details).length > 0) return { ok: false, details }
  const position =
    typeof body.position === 'number' ? body.position : (base?.position ?? nextPosition(ctx.store))
  const description = 'description' in body ? body.description : base?.description
  const categoryId = 'category_id' in body ? body.category_id : base?.categoryId
  return {
    ok: true,
    fields: {
      title: (title as string).trim(),
      description: typeof description === 'string' ? description : null,
      active: 'active' in body ? body.active !== false : (base?.active ?? true),
      position,
      conditions,
      actions,
      categoryId: categoryId === null || categoryId === undefined ? null : scalarText(categoryId),
    },
  }
}

function readConditions(raw: unknown): ZdTrigger['conditions'] {
  const list = (value: unknown): TriggerCondition[] =>
    Array.isArray(value)
      ? value.filter(isRecord).map((c) => ({
          field: String(c.field as string),
          operator: String(c.operator as string),
          ...('value' in c ? { value: c.value } : {}),
        }))
      : []
  return isRecord(raw) ? { all: list(raw.all), any: list(raw.any) } : { all: [], any: [] }
}

function readActions(raw: unknown): TriggerAction[] {
  return Array.isArray(raw)
    ? raw.filter(isRecord).map((a) => ({ field: String(a.field as string), value: a.value }))
    : []
}

function nextPosition(store: ZendeskStore): number {
  return Math.max(0, ...[...store.triggers.values()].map((t) => t.position)) + 1
}
