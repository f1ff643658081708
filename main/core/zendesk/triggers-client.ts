import { isRecord } from '../../../shared/is-record'
import type { HttpClient } from '../net/http-request'
import { expectJson, zendeskCall, zendeskFailure, type WebhooksTarget } from './webhooks-client'

/**
 * The Triggers API (https://developer.zendesk.com/api-reference/ticketing/business-rules/triggers/):
 * list, create, update, delete. Triggers are matched by title, as the Admin Center shows them.
 */

export interface TriggerCondition {
  field: string
  operator: string
  value?: unknown
}

export interface ZendeskTrigger {
  id: number
  title: string
  active: boolean
  conditions: { all: TriggerCondition[]; any: TriggerCondition[] }
  actions: Array<{ field: string; value: unknown }>
}

export interface TriggerWrite {
  title: string
  active: boolean
  conditions: ZendeskTrigger['conditions']
  actions: ZendeskTrigger['actions']
}

const SCOPE = {
  noun: 'trigger',
  access:
    'trigger access: triggers need an admin, and OAuth tokens the write (or triggers:write) scope',
}
const MAX_PAGES = 20

/** GET /api/v2/triggers, every page (at most 2,000 triggers). */
export async function listTriggers(
  http: HttpClient,
  target: WebhooksTarget,
): Promise<ZendeskTrigger[]> {
  const found: ZendeskTrigger[] = []
  let url: string | null = `${target.baseUrl}/api/v2/triggers.json?per_page=100`
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const body = expectJson(await zendeskCall(http, target, 'GET', url), 'list the triggers', SCOPE)
    const list = isRecord(body) && Array.isArray(body.triggers) ? body.triggers : []
    found.push(...list.flatMap(triggerFrom))
    url = isRecord(body) && typeof body.next_page === 'string' ? body.next_page : null
  }
  return found
}

export async function createTrigger(
  http: HttpClient,
  target: WebhooksTarget,
  trigger: TriggerWrite,
): Promise<ZendeskTrigger> {
  const result = await zendeskCall(http, target, 'POST', `${target.baseUrl}/api/v2/triggers.json`, {
    trigger,
  })
  if (result.kind === 'answered' && result.status === 201 && isRecord(result.json)) {
    const [created] = triggerFrom(result.json.trigger)
    if (created) return created
  }
  throw zendeskFailure(result, `create the trigger "${trigger.title}"`, SCOPE)
}

export async function updateTrigger(
  http: HttpClient,
  target: WebhooksTarget,
  id: number,
  trigger: TriggerWrite,
): Promise<void> {
  const url = `${target.baseUrl}/api/v2/triggers/${id}.json`
  const result = await zendeskCall(http, target, 'PUT', url, { trigger })
  if (result.kind === 'answered' && result.status === 200) return
  throw zendeskFailure(result, `update trigger ${id}`, SCOPE)
}

export async function deleteTrigger(
  http: HttpClient,
  target: WebhooksTarget,
  id: number,
): Promise<void> {
  const url = `${target.baseUrl}/api/v2/triggers/${id}.json`
  const result = await zendeskCall(http, target, 'DELETE', url)
  if (result.kind === 'answered' && (result.status === 204 || result.status === 404)) return
  throw zendeskFailure(result, `delete trigger ${id}`, SCOPE)
}

function triggerFrom(value: unknown): ZendeskTrigger[] {
  if (!isRecord(value) || typeof value.id !== 'number') return []
  const conditions = isRecord(value.conditions) ? value.conditions : {}
  const list = (raw: unknown): TriggerCondition[] =>
    Array.isArray(raw)
      ? raw.filter(isRecord).map((c) => ({
          field: String(c.field as string),
          operator: String(c.operator as string),
          ...('value' in c ? { value: c.value } : {}),
        }))
      : []
  return [
    {
      id: value.id,
      title: typeof value.title === 'string' ? value.title : '',
      active: value.active !== false,
      conditions: { all: list(conditions.all), any: list(conditions.any) },
      actions: Array.isArray(value.actions)
        ? value.actions
            .filter(isRecord)
            .map((a) => ({ field: String(a.field as string), value: a.value }))
        : [],
    },
  ]
}
