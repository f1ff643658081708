import type {
  PlaceholderEscapingMode,
  SampleTicket,
  SetupPlan,
  SetupResult,
  TriggerLintResult,
  TriggerRenderResult,
  TriggerSendResult,
  TriggerSetupInput,
} from '../../../shared/contract/triggers'
import { triggerSetupInput } from '../../../shared/contract/triggers'
import type { HttpClient } from '../net/http-request'
import type { JsonStore } from '../storage/json-store'
import { normalizeBrazeEndpoint } from '../vault/braze-endpoint'
import { PlaceholderRenderer } from '../zendesk/placeholders/placeholder-renderer'
import type { WebhooksTarget } from '../zendesk/webhooks-client'
import { BUILT_IN_TICKETS } from './built-in-tickets'
import { TriggerSetup, type SetupRequest } from './setup/setup-runner'
import { listTickets, loadTicket } from './ticket-source'
import { lintTriggerBody } from './trigger-lint'
import { renderTriggerBody } from './trigger-render'
import { sendTriggerBody, type BrazeTarget } from './trigger-send'

export interface TriggerServiceDeps {
  http: HttpClient
  store: JsonStore
  /** The profile's Zendesk API base and Authorization (the active profile when none is given). */
  zendesk: (profileId?: string) => Promise<WebhooksTarget & { profileId: string }>
  /** The profile's Braze REST endpoint and key; throws a message to act on when unset. */
  braze: (profileId: string) => BrazeTarget
  isSandbox: (profileId: string) => boolean
  /** The receiver's public URL for the Braze route, or null while it is not running. */
  receiverUrl: () => string | null
  /** The built-in trigger body (resources/templates), for a setup given no template. */
  defaultTemplate: () => Promise<string>
}

/** Zendesk → Braze authoring for the front doors: samples, render, lint, send test, setup. */
export class TriggerService {
  /** The simulated Zendesk's engine: a preview renders exactly what a trigger there sends. */
  readonly renderer = new PlaceholderRenderer()
  private readonly setup: TriggerSetup

  constructor(private readonly deps: TriggerServiceDeps) {
    this.setup = new TriggerSetup(deps.http, deps.store)
  }

  defaultTemplate(): Promise<string> {
    return this.deps.defaultTemplate()
  }

  /** The built-in samples, plus the Sandbox's tickets when the profile is the Sandbox. */
  async samples(profileId?: string): Promise<SampleTicket[]> {
    const target = await this.deps.zendesk(profileId)
    if (!this.deps.isSandbox(target.profileId)) return [...BUILT_IN_TICKETS]
    return [...BUILT_IN_TICKETS, ...(await listTickets(this.deps.http, target, 'sandbox'))]
  }

  async loadTicket(profileId: string | undefined, ticketId: number): Promise<SampleTicket> {
    const target = await this.deps.zendesk(profileId)
    const source = this.deps.isSandbox(target.profileId) ? 'sandbox' : 'profile'
    return loadTicket(this.deps.http, target, ticketId, source)
  }

  render(
    template: string,
    ticket: SampleTicket,
    escaping: PlaceholderEscapingMode,
  ): TriggerRenderResult {
    return renderTriggerBody(this.renderer, template, ticket, escaping)
  }

  async lint(
    template: string,
    escaping: PlaceholderEscapingMode,
    tickets?: SampleTicket[],
    profileId?: string,
  ): Promise<TriggerLintResult> {
    return lintTriggerBody(
      this.renderer,
      template,
      tickets ?? (await this.samples(profileId)),
      escaping,
    )
  }

  async send(
    profileId: string | undefined,
    template: string,
    ticket: SampleTicket,
    escaping: PlaceholderEscapingMode,
  ): Promise<TriggerSendResult> {
    const { profileId: id } = await this.deps.zendesk(profileId)
    const rendered = this.render(template, ticket, escaping)
    const braze = this.deps.braze(id)
    if (rendered.text === null) {
      return {
        ok: false,
        url: `${normalizeBrazeEndpoint(braze.endpoint)}/users/track`,
        status: null,
        answer: '',
        message: 'Nothing was sent: the template does not render (see the problems).',
        problems: rendered.problems,
        profile: null,
        profileMessage: '',
      }
    }
    return sendTriggerBody(this.deps.http, braze, template, rendered.text, rendered.problems)
  }

  async plan(input: TriggerSetupInput): Promise<SetupPlan> {
    return this.setup.plan(await this.request(input))
  }

  async apply(input: TriggerSetupInput): Promise<SetupResult> {
    return this.setup.apply(await this.request(input))
  }

  async undo(profileId?: string): Promise<SetupResult> {
    const target = await this.deps.zendesk(profileId)
    const empty: SetupPlan = { profileId: target.profileId, changes: [], upToDate: true, notes: [] }
    return this.setup.undo(target.profileId, target, empty)
  }

  private async request(raw: TriggerSetupInput): Promise<SetupRequest> {
    const input = triggerSetupInput.parse(raw)
    const zendesk = await this.deps.zendesk(input.profileId)
    const braze = this.deps.braze(zendesk.profileId)
    let endpoint = `${normalizeBrazeEndpoint(braze.endpoint)}/users/track`
    if (input.destination === 'receiver') {
      const url = this.deps.receiverUrl()
      if (!url)
        throw new Error(
          "The receiver is not running: start it (and a tunnel, for a real account) to use its public URL, or choose Braze's /users/track.",
        )
      endpoint = url
    }
    return {
      profileId: zendesk.profileId,
      zendesk,
      endpoint,
      brazeKey: braze.apiKey,
      template: input.template ?? (await this.deps.defaultTemplate()),
      condition: input.condition,
      webhookName: input.webhookName,
      triggerTitle: input.triggerTitle,
    }
  }
}
