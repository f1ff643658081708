import {
  brazeSimulatorSettings,
  brazeSimulatorSettingsPatch,
  simulatorSettingsPatch,
  zendeskSimulatorSettings,
  zendeskSimulatorSettingsPatch,
  type BrazeSimulatorSettings,
  type SandboxSnapshot,
  type SimulatorEvent,
  type ZendeskSimulatorSettings,
  type ZendeskTicketView,
} from '../../../shared/contract/simulators'
import { z } from 'zod'
import { EventHub } from '../events/event-hub'
import { startBrazeSimulator, type BrazeSimulator } from './braze/braze-simulator'
import { loadSandboxSeed, zendeskUsersFromSample, type SandboxSeed } from './sandbox-seed'
import { SimulatorSettingsError, applySettingsPatch } from './settings-patch'
import type { ZendeskCredentials } from './zendesk/auth'
import type { SendHttp } from '../net/http-request'
import type { WebhookAuthentication } from './zendesk/model'
import { startZendeskSimulator, type ZendeskSimulator } from './zendesk/zendesk-simulator'

export interface SandboxOptions {
  /** Where the trigger's webhook delivers. Default: the simulated Braze's `/users/track`. */
  receiverUrl?: string
  /**
   * The webhook's outbound auth (§5.3). Default: Bearer with the simulated Braze key, as the Braze
   * docs set it up (braze.md §7.2); null sends none.
   */
  receiverAuthentication?: WebhookAuthentication | null
  /** Default: read from `resourcesDir` (resources/ of the checkout or build). */
  seed?: SandboxSeed
  resourcesDir?: string
  /** One open ticket per sample user with an external_id, ready to solve. Default true. */
  seedTickets?: boolean
  zendeskSettings?: unknown
  brazeSettings?: unknown
  now?: () => Date
  random?: () => number
  send?: SendHttp
}

export interface Sandbox {
  readonly zendesk: ZendeskSimulator
  readonly braze: BrazeSimulator
  readonly urls: { zendesk: string; zendeskApi: string; braze: string; brazeTrack: string }
  readonly credentials: { zendesk: ZendeskCredentials; braze: { apiKey: string } }
  /** The "Ticket solved → Braze" trigger and the webhook it notifies. */
  readonly webhookId: string
  readonly triggerId: number
  /** Every change in either simulator, for a UI to refresh from. */
  readonly events: EventHub<SimulatorEvent>
  receiverUrl(): string
  /** Re-points the webhook at runtime; `null` goes back to the simulated Braze with its key. */
  setReceiver(url: string | null, authentication?: WebhookAuthentication | null): void
  solveTicket(id: number): ZendeskTicketView
  reopenTicket(id: number): ZendeskTicketView
  /** Validates the whole change first, so a bad field changes nothing. */
  updateSettings(patch: unknown): {
    zendesk: ZendeskSimulatorSettings
    braze: BrazeSimulatorSettings
  }
  snapshot(): SandboxSnapshot
  /** The webhook's signing secret, for a receiver to verify signatures with (§5.5). */
  signingSecret(): string
  close(): Promise<void>
}

export const SANDBOX_TRIGGER_TITLE = 'Ticket solved → Braze'

/**
 * The offline loop (DESIGN.md principle 3): both simulators on free loopback ports, seeded with the
 * sample users, and a Zendesk trigger "status category changed to solved" that notifies a webhook
 * whose JSON body is the zendesk-trigger-to-braze template.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? (await loadSandboxSeed(options.resourcesDir))
  const events = new EventHub<SimulatorEvent>()
  const shared = {
    events,
    ...(options.now ? { now: options.now } : {}),
    ...(options.random ? { random: options.random } : {}),
  }
  const braze = await startBrazeSimulator({
    ...shared,
    users: seed.users,
    settings: options.brazeSettings ?? {},
  })
  let zendesk: ZendeskSimulator
  try {
    zendesk = await startZendeskSimulator({
      ...shared,
      users: zendeskUsersFromSample(seed.users),
      settings: options.zendeskSettings ?? {},
      ...(options.send ? { send: options.send } : {}),
    })
  } catch (error) {
    await braze.close()
    throw error
  }

  const brazeAuth: WebhookAuthentication = {
    type: 'bearer_token',
    data: { token: braze.credentials.apiKey },
    add_position: 'header',
  }
  const webhook = zendesk.createWebhook({
    name: 'Braze /users/track',
    endpoint: options.receiverUrl ?? braze.trackUrl,
    authentication:
      options.receiverAuthentication === undefined ? brazeAuth : options.receiverAuthentication,
  })
  const trigger = zendesk.createTrigger({
    title: SANDBOX_TRIGGER_TITLE,
    conditions: { all: [{ field: 'status', operator: 'value', value: 'solved' }] },
    actions: [{ field: 'notification_webhook', value: [webhook.id, seed.triggerBody] }],
  })
  if (options.seedTickets !== false) {
    for (const user of zendesk.users()) {
      if (user.role !== 'end-user' || user.externalId === null) continue
      zendesk.createTicket({
        subject: `Sandbox: ${user.name} cannot log in`,
        body: 'Hello, I cannot log in to my account since this morning. Can you help?',
        status: 'open',
        requesterId: user.id,
        priority: 'normal',
        type: 'question',
      })
    }
  }

  const currentWebhook = () => zendesk.webhooks().find((candidate) => candidate.id === webhook.id)
  return {
    zendesk,
    braze,
    urls: {
      zendesk: zendesk.url,
      zendeskApi: zendesk.apiUrl,
      braze: braze.url,
      brazeTrack: braze.trackUrl,
    },
    credentials: { zendesk: zendesk.credentials, braze: braze.credentials },
    webhookId: webhook.id,
    triggerId: trigger.id,
    events,
    receiverUrl: () => currentWebhook()?.endpoint ?? braze.trackUrl,
    setReceiver(url, authentication) {
      if (url === null) zendesk.setWebhookEndpoint(webhook.id, braze.trackUrl, brazeAuth)
      else zendesk.setWebhookEndpoint(webhook.id, url, authentication)
    },
    solveTicket: (id) => zendesk.solveTicket(id),
    reopenTicket: (id) => zendesk.reopenTicket(id),
    updateSettings(patch) {
      const parsed = simulatorSettingsPatch.safeParse(patch)
      if (!parsed.success)
        throw new SimulatorSettingsError('sandbox', z.prettifyError(parsed.error))
      const { zendesk: zendeskPatch, braze: brazePatch } = parsed.data
      // Dry runs first (applySettingsPatch is pure), so one bad half changes neither simulator.
      if (zendeskPatch) {
        applySettingsPatch(
          'zendesk',
          zendesk.settings(),
          zendeskPatch,
          zendeskSimulatorSettingsPatch,
          zendeskSimulatorSettings,
        )
      }
      if (brazePatch) {
        applySettingsPatch(
          'braze',
          braze.settings(),
          brazePatch,
          brazeSimulatorSettingsPatch,
          brazeSimulatorSettings,
        )
      }
      return {
        zendesk: zendeskPatch ? zendesk.updateSettings(zendeskPatch) : zendesk.settings(),
        braze: brazePatch ? braze.updateSettings(brazePatch) : braze.settings(),
      }
    },
    snapshot: () => ({
      zendesk: zendesk.snapshot(),
      braze: braze.snapshot(),
      receiverUrl: currentWebhook()?.endpoint ?? braze.trackUrl,
    }),
    signingSecret: () => zendesk.signingSecret(webhook.id),
    async close() {
      await Promise.allSettled([zendesk.close(), braze.close()])
    },
  }
}
