import type { AccountWebhook, InvocationCheck } from '../../../shared/contract/webhooks'
import type { CaptureStore } from '../captures/capture-store'
import type { HttpClient } from '../net/http-request'
import {
  getWebhook,
  listInvocations,
  listWebhooks,
  setWebhookEndpoint,
  type WebhooksTarget,
  type ZendeskWebhook,
} from '../zendesk/webhooks-client'
import type { LinkedWebhook, ReceiverSettingsStore } from './receiver-settings'

export interface WebhookLinksDeps {
  http: HttpClient
  /** The profile's Zendesk API base and Authorization (the active profile when none is given). */
  target: (profileId?: string) => Promise<WebhooksTarget & { profileId: string }>
  settings: ReceiverSettingsStore
  /** The public URL of a receiver route, or null while nothing is running. */
  routeUrl: (route: string) => string | null
  captures: CaptureStore
  now: () => Date
}

/**
 * Pointing Zendesk at the receiver without the Admin Center: list the account's webhooks, set
 * one's endpoint to the public URL (remembering the old one to put it back), and read Zendesk's
 * own invocation log beside the captures, marking the deliveries that never arrived.
 */
export class WebhookLinks {
  constructor(private readonly deps: WebhookLinksDeps) {}

  async list(profileId?: string): Promise<AccountWebhook[]> {
    const target = await this.deps.target(profileId)
    const webhooks = await listWebhooks(this.deps.http, target)
    return webhooks.map((webhook) => this.view(target.profileId, webhook))
  }

  async link(
    profileId: string | undefined,
    webhookId: string,
    route: string,
  ): Promise<AccountWebhook> {
    const target = await this.deps.target(profileId)
    const endpoint = this.deps.routeUrl(route)
    if (!endpoint) throw new Error('The receiver is not running: start it (and a tunnel) first.')
    if (!/^https:\/\//.test(endpoint) && !/^http:\/\/(127\.|localhost|\[::1\])/.test(endpoint)) {
      throw new Error(
        `${endpoint} is not reachable from Zendesk: start a tunnel for a public https URL.`,
      )
    }
    const current = await getWebhook(this.deps.http, target, webhookId)
    const existing = this.linkOf(target.profileId, webhookId)
    await setWebhookEndpoint(this.deps.http, target, webhookId, endpoint)
    const link: LinkedWebhook = {
      profileId: target.profileId,
      webhookId,
      webhookName: current.name,
      // Relinking after the tunnel URL changed keeps the endpoint from before the first link.
      previousEndpoint: existing?.previousEndpoint ?? current.endpoint,
      linkedEndpoint: endpoint,
      linkedAt: this.deps.now().toISOString(),
    }
    this.deps.settings.update((s) => ({
      ...s,
      linkedWebhooks: [...s.linkedWebhooks.filter((l) => !same(l, link)), link],
    }))
    return this.view(target.profileId, { ...current, endpoint })
  }

  async unlink(profileId: string | undefined, webhookId: string): Promise<AccountWebhook> {
    const target = await this.deps.target(profileId)
    const link = this.linkOf(target.profileId, webhookId)
    if (!link)
      throw new Error(
        `Webhook ${webhookId} was not pointed here by Bridgebench: nothing to put back.`,
      )
    await setWebhookEndpoint(this.deps.http, target, webhookId, link.previousEndpoint)
    this.deps.settings.update((s) => ({
      ...s,
      linkedWebhooks: s.linkedWebhooks.filter((l) => !same(l, link)),
    }))
    const webhook = await getWebhook(this.deps.http, target, webhookId)
    return this.view(target.profileId, webhook)
  }

  /**
   * Zendesk's log for the webhook (its last 7 days) against the captures: an invocation Zendesk
   * ran while the webhook pointed here, with no capture carrying its invocation id, is missing.
   */
  async invocations(profileId: string | undefined, webhookId: string): Promise<InvocationCheck[]> {
    const target = await this.deps.target(profileId)
    const link = this.linkOf(target.profileId, webhookId)
    const invocations = await listInvocations(this.deps.http, target, webhookId)
    return invocations.map((invocation) => {
      const captureIds = this.deps.captures
        .list({ invocationId: invocation.id, limit: 50 })
        .items.map((item) => item.id)
      const whileLinked = link !== undefined && invocation.createdAt >= link.linkedAt
      return {
        id: invocation.id,
        createdAt: invocation.createdAt,
        status: invocation.status,
        captureIds,
        missing: whileLinked && captureIds.length === 0,
      }
    })
  }

  private linkOf(profileId: string, webhookId: string): LinkedWebhook | undefined {
    return this.deps.settings
      .get()
      .linkedWebhooks.find((l) => l.profileId === profileId && l.webhookId === webhookId)
  }

  private view(profileId: string, webhook: ZendeskWebhook): AccountWebhook {
    const link = this.linkOf(profileId, webhook.id)
    const current = link ? this.deps.routeUrl(routeOf(link.linkedEndpoint)) : null
    return {
      id: webhook.id,
      name: webhook.name,
      endpoint: webhook.endpoint,
      status: webhook.status,
      httpMethod: webhook.httpMethod,
      requestFormat: webhook.requestFormat,
      linked: link
        ? {
            previousEndpoint: link.previousEndpoint,
            linkedEndpoint: link.linkedEndpoint,
            // The tunnel's URL changed since (a new quick tunnel): offer to point it again.
            stale: current !== null && current !== webhook.endpoint,
          }
        : null,
    }
  }
}

function same(a: LinkedWebhook, b: LinkedWebhook): boolean {
  return a.profileId === b.profileId && a.webhookId === b.webhookId
}

function routeOf(endpoint: string): string {
  const match = /\/hooks\/([^/?#]+)/.exec(endpoint)
  return match ? decodeURIComponent(match[1] as string) : 'braze'
}
