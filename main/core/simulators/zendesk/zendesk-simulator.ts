import {
  zendeskSimulatorSettings,
  zendeskSimulatorSettingsPatch,
  type SimulatorEvent,
  type WebhookInvocationView,
  type ZendeskSimulatorSettings,
  type ZendeskSnapshot,
  type ZendeskTicketView,
  type ZendeskTriggerView,
  type ZendeskUserView,
  type ZendeskWebhookView,
} from '../../../../shared/contract/simulators'
import { EventHub } from '../../events/event-hub'
import { listenOnLoopback } from '../../net/loopback-server'
import { randomToken } from '../ids'
import { applySettingsPatch } from '../settings-patch'
import type { ZendeskCredentials } from './auth'
import {
  controlActions,
  seedUser,
  type NewTicket,
  type NewTrigger,
  type NewWebhook,
  type ZendeskSeedUser,
} from './control-actions'
import { defaultZendeskSettings } from './default-settings'
import { IdempotencyStore } from './idempotency'
import type { TicketFieldDefinition, WebhookAuthentication } from './model'
import { PlaceholderRenderer } from '../../zendesk/placeholders/placeholder-renderer'
import { ZendeskRateLimiter } from './rate-limiter'
import type { RouteDeps } from './router'
import { ticketView, triggerView, userView, webhookView } from './snapshot-views'
import { TicketService } from './ticket-service'
import { zendeskRoutes } from './routes'
import { WebhookDelivery } from './webhook-delivery'
import { createZendeskHandler } from './zendesk-server'
import { ZendeskStore } from './zendesk-store'
import { createHttpClient, type SendHttp } from '../../net/http-request'

export type { NewTicket, NewTrigger, NewWebhook, ZendeskSeedUser } from './control-actions'
export type { ZendeskCredentials } from './auth'

export interface ZendeskSimulatorOptions {
  /** 0 (default) picks a free loopback port. */
  port?: number
  credentials?: Partial<ZendeskCredentials>
  settings?: unknown
  account?: { id?: number; name?: string }
  users?: ZendeskSeedUser[]
  ticketFields?: TicketFieldDefinition[]
  now?: () => Date
  random?: () => number
  /** Sends webhook requests; tests pass a fake or a client with a fake DNS. */
  send?: SendHttp
  /** Share one hub between simulators so a UI listens once. */
  events?: EventHub<SimulatorEvent>
}

export interface ZendeskSimulator {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string
  /** `http://127.0.0.1:PORT/api/v2`: node-zendesk's `endpointUri`. */
  readonly apiUrl: string
  readonly port: number
  readonly credentials: ZendeskCredentials
  readonly events: EventHub<SimulatorEvent>
  settings(): ZendeskSimulatorSettings
  /** Validates and applies a partial change; throws SimulatorSettingsError naming bad fields. */
  updateSettings(patch: unknown): ZendeskSimulatorSettings
  snapshot(): ZendeskSnapshot
  users(): ZendeskUserView[]
  tickets(): ZendeskTicketView[]
  webhooks(): ZendeskWebhookView[]
  triggers(): ZendeskTriggerView[]
  invocations(): WebhookInvocationView[]
  /** Control methods act as the admin in the agent UI (via `web`); they fire triggers too. */
  createTicket(input: NewTicket): ZendeskTicketView
  updateTicket(id: number, changes: Record<string, unknown>): ZendeskTicketView
  solveTicket(id: number): ZendeskTicketView
  reopenTicket(id: number): ZendeskTicketView
  createWebhook(input: NewWebhook): ZendeskWebhookView
  /** Points a webhook somewhere else at runtime; queued deliveries follow. */
  setWebhookEndpoint(
    id: string,
    endpoint: string,
    authentication?: WebhookAuthentication | null,
  ): ZendeskWebhookView
  signingSecret(webhookId: string): string
  createTrigger(input: NewTrigger): ZendeskTriggerView
  /** Stops the server and every pending delivery. */
  close(): Promise<void>
}

/** Starts the simulated Zendesk (reference/zendesk.md §8) on 127.0.0.1. */
export async function startZendeskSimulator(
  options: ZendeskSimulatorOptions = {},
): Promise<ZendeskSimulator> {
  const now = options.now ?? (() => new Date())
  const random = options.random ?? Math.random
  const events = options.events ?? new EventHub<SimulatorEvent>()
  const validate = (current: ZendeskSimulatorSettings, patch: unknown) =>
    applySettingsPatch(
      'zendesk',
      current,
      patch,
      zendeskSimulatorSettingsPatch,
      zendeskSimulatorSettings,
    )
  let settings = validate(defaultZendeskSettings(), options.settings ?? {})
  const credentials: ZendeskCredentials = {
    subdomain: options.credentials?.subdomain ?? 'bridgebench-sandbox',
    email: options.credentials?.email ?? 'admin@bridgebench-sandbox.test',
    token: options.credentials?.token ?? randomToken(),
    oauthToken: options.credentials?.oauthToken ?? randomToken(),
  }
  const account = {
    id: options.account?.id ?? 10_000_001,
    name: options.account?.name ?? 'Bridgebench Sandbox',
  }
  const store = new ZendeskStore((event) => events.emit(event))
  store.ticketFields = options.ticketFields ?? []
  let origin = 'http://127.0.0.1'
  const send = options.send ?? createHttpClient().send
  const delivery = new WebhookDelivery({
    settings: () => settings,
    webhook: (id) => store.webhooks.get(id),
    accountId: account.id,
    now,
    random,
    send,
    emit: (event) => events.emit(event),
  })
  const renderer = new PlaceholderRenderer()
  const common = {
    store,
    settings: () => settings,
    now,
    renderer,
    delivery,
    account,
    origin: () => origin,
  }
  const tickets = new TicketService(common)
  const deps: RouteDeps = { ...common, random, tickets, idempotency: new IdempotencyStore(), send }

  const admin = seedUser(
    store,
    { name: 'Sandbox Admin', email: credentials.email, role: 'admin' },
    now(),
  )
  for (const user of options.users ?? []) seedUser(store, user, now())

  const routes = zendeskRoutes(deps)
  const rateLimiter = new ZendeskRateLimiter(() => settings)
  const server = await listenOnLoopback(
    createZendeskHandler({ ...deps, routes, rateLimiter, credentials }),
    options.port ?? 0,
  )
  origin = server.origin

  const users = () => [...store.users.values()].map(userView)
  const ticketViews = () =>
    [...store.tickets.values()].sort((a, b) => a.id - b.id).map((t) => ticketView(t, store.users))
  const webhookViews = () => [...store.webhooks.values()].map(webhookView)
  const triggerViews = () =>
    [...store.triggers.values()].sort((a, b) => a.position - b.position).map(triggerView)

  return {
    url: server.origin,
    apiUrl: `${server.origin}/api/v2`,
    port: server.port,
    credentials,
    events,
    settings: () => settings,
    updateSettings(patch) {
      settings = validate(settings, patch)
      events.emit({ type: 'settings', simulator: 'zendesk' })
      return settings
    },
    snapshot: () => ({
      url: server.origin,
      settings,
      users: users(),
      tickets: ticketViews(),
      webhooks: webhookViews(),
      triggers: triggerViews(),
      invocations: delivery.invocations(),
    }),
    users,
    tickets: ticketViews,
    webhooks: webhookViews,
    triggers: triggerViews,
    invocations: () => delivery.invocations(),
    ...controlActions(deps, admin),
    async close() {
      delivery.close()
      await server.close()
    },
  }
}
