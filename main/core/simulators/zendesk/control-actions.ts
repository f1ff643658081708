import type {
  ZendeskTicketView,
  ZendeskTriggerView,
  ZendeskWebhookView,
} from '../../../../shared/contract/simulators'
import { SimulatorActionError } from '../action-error'
import type { WebhookAuthentication, ZdUser } from './model'
import type { RouteDeps } from './router'
import { ticketView, triggerView, webhookView } from './snapshot-views'
import { parseTriggerInput } from './trigger-input'
import { createTrigger } from './triggers-routes'
import { parseWebhookInput } from './webhook-input'
import { createWebhook } from './webhooks-routes'
import type { ZendeskStore } from './zendesk-store'

export interface ZendeskSeedUser {
  /** Kept when free, e.g. a Zendesk id already recorded on a Braze profile. */
  id?: number
  name: string
  email?: string | null
  phone?: string | null
  externalId?: string | null
  role?: ZdUser['role']
  locale?: string
  timeZone?: string
  userFields?: Record<string, unknown>
}

export interface NewTicket {
  subject: string
  body: string
  status?: string
  requesterId?: number
  requesterEmail?: string
  priority?: string
  type?: string
  tags?: string[]
}

export interface NewWebhook {
  name: string
  endpoint: string
  authentication?: WebhookAuthentication | null
}

export interface NewTrigger {
  title: string
  conditions: { all: unknown[]; any?: unknown[] }
  actions: unknown[]
  position?: number
}

/** Adds a verified user, as an admin would in the agent UI. */
export function seedUser(store: ZendeskStore, seed: ZendeskSeedUser, at: Date): ZdUser {
  return store.addUser({
    id: store.takeUserId(seed.id),
    name: seed.name,
    email: seed.email ?? null,
    phone: seed.phone ?? null,
    externalId: seed.externalId ?? null,
    role: seed.role ?? 'end-user',
    locale: seed.locale ?? 'en-US',
    timeZone: seed.timeZone ?? 'America/New_York',
    verified: true,
    active: true,
    suspended: false,
    tags: [],
    userFields: seed.userFields ?? {},
    details: null,
    notes: null,
    createdAt: at,
    updatedAt: at,
  })
}

/**
 * What the Simulators screen can do without HTTP: the same services the API uses, acting as the
 * admin in the agent UI (`via: web`), so triggers fire exactly as for an API update.
 */
export function controlActions(deps: RouteDeps, admin: ZdUser) {
  const { store, tickets } = deps
  const update = (id: number, changes: Record<string, unknown>): ZendeskTicketView => {
    const outcome = tickets.update(id, changes, admin, 'web')
    if (!outcome.ok) {
      throw new SimulatorActionError(
        outcome.status === 404
          ? `There is no ticket ${id} in the simulated Zendesk.`
          : `Ticket ${id} could not be updated: ${describe(outcome.body)}`,
        outcome.body,
      )
    }
    outcome.notify()
    return ticketView(outcome.ticket, store.users)
  }
  const webhookOrThrow = (id: string) => {
    const webhook = store.webhooks.get(id)
    if (!webhook)
      throw new SimulatorActionError(`There is no webhook ${id} in the simulated Zendesk.`)
    return webhook
  }
  return {
    createTicket(input: NewTicket): ZendeskTicketView {
      const body: Record<string, unknown> = {
        subject: input.subject,
        comment: { body: input.body },
        ...(input.requesterId !== undefined ? { requester_id: input.requesterId } : {}),
        ...(input.requesterEmail !== undefined
          ? { requester: { email: input.requesterEmail } }
          : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.priority !== undefined ? { priority: input.priority } : {}),
        ...(input.type !== undefined ? { type: input.type } : {}),
        ...(input.tags !== undefined ? { tags: input.tags } : {}),
      }
      const outcome = tickets.create(body, admin, 'web')
      if (!outcome.ok) {
        throw new SimulatorActionError(
          `The ticket could not be created: ${describe(outcome.body)}`,
          outcome.body,
        )
      }
      outcome.notify()
      return ticketView(outcome.ticket, store.users)
    },
    updateTicket: update,
    solveTicket: (id: number) => update(id, { status: 'solved' }),
    reopenTicket: (id: number) => update(id, { status: 'open' }),
    createWebhook(input: NewWebhook): ZendeskWebhookView {
      const parsed = parseWebhookInput({
        webhook: {
          name: input.name,
          endpoint: input.endpoint,
          http_method: 'POST',
          request_format: 'json',
          status: 'active',
          subscriptions: ['conditional_ticket_events'],
          authentication: input.authentication ?? null,
        },
      })
      if (!parsed.ok)
        throw new SimulatorActionError(parsed.errors.map((e) => e.detail).join('; '), parsed.errors)
      return webhookView(createWebhook(deps, parsed.fields, admin.id))
    },
    setWebhookEndpoint(
      id: string,
      endpoint: string,
      authentication?: WebhookAuthentication | null,
    ): ZendeskWebhookView {
      const webhook = webhookOrThrow(id)
      const patch = { endpoint, ...(authentication !== undefined ? { authentication } : {}) }
      const parsed = parseWebhookInput({ webhook: patch }, webhook)
      if (!parsed.ok)
        throw new SimulatorActionError(parsed.errors.map((e) => e.detail).join('; '), parsed.errors)
      Object.assign(webhook, parsed.fields, { updatedAt: deps.now() })
      store.saveWebhook(webhook, 'updated')
      return webhookView(webhook)
    },
    signingSecret: (webhookId: string): string => webhookOrThrow(webhookId).signingSecret,
    createTrigger(input: NewTrigger): ZendeskTriggerView {
      const parsed = parseTriggerInput(
        { trigger: { active: true, ...input, conditions: { any: [], ...input.conditions } } },
        deps,
      )
      if (!parsed.ok) {
        throw new SimulatorActionError(
          `The trigger is invalid: ${describe({ details: parsed.details })}`,
          parsed.details,
        )
      }
      return triggerView(createTrigger(deps, parsed.fields))
    },
  }
}

/** Turns a RecordInvalid body into one line a person can act on. */
function describe(body: unknown): string {
  const details = (body as { details?: Record<string, Array<{ description: string }>> }).details
  if (!details) return JSON.stringify(body)
  return Object.values(details)
    .flat()
    .map((detail) => detail.description)
    .join('; ')
}
