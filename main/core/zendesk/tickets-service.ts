import {
  sendTicketInput,
  type SendTicketEvent,
  type SendTicketInput,
  type TestTicket,
} from '../../../shared/contract/tickets'
import { toCurl } from '../../../shared/http/curl'
import type { ExchangeStore } from '../captures/exchange-store'
import { streamWhile } from '../events/progress-stream'
import type { RenderRequestFor, ResolvedRender } from '../templates/render-request'
import type { TemplateRenderer } from '../templates/template-renderer'
import type { HttpClient } from '../net/http-request'
import type { Sleep } from '../net/retrying-send'
import { userLabel } from '../users/user-identity'
import type { ProfileVault } from '../vault/profile-vault'
import { deleteTickets, type CleanupResult } from './ticket-cleanup'
import { fieldLocatorFrom } from './ticket-field-locator'
import { TicketSender } from './ticket-sender'
import type { TestTicketLog } from './test-ticket-log'
import type { ZendeskAuthorizer } from './zendesk-authorizer'

export interface TicketsServiceDeps {
  vault: ProfileVault
  authorizer: ZendeskAuthorizer
  http: HttpClient
  exchanges: ExchangeStore
  log: TestTicketLog
  /** Renders the template (off the serving thread, within its limits). */
  render: TemplateRenderer
  /** The one render-request resolver (templates/render-request.ts), bound to the user library. */
  resolveRender: (request: RenderRequestFor) => ResolvedRender
  now: () => Date
  /** Makes a profile ready (the Sandbox starts its simulators) and returns its id. */
  useProfile: (id?: string | null) => Promise<string>
  sleep?: Sleep
  /** Desktop only: puts text on the system clipboard without it passing through the page. */
  copyToClipboard?: (text: string) => void
}

/**
 * "Send test ticket": renders the Compose template in main for a user (exactly what Braze would
 * send), sends it, remembers the ticket for cleanup, and places Zendesk's complaints in the
 * template.
 */
export class TicketsService {
  private readonly sender: TicketSender

  constructor(private readonly deps: TicketsServiceDeps) {
    this.sender = new TicketSender({ ...deps })
  }

  async *send(request: SendTicketInput, signal?: AbortSignal): AsyncGenerator<SendTicketEvent> {
    const input = sendTicketInput.parse(request)
    const profileId = await this.deps.useProfile(input.profileId)
    // Resolved as the preview is, but without a lint target: only the template's own errors
    // stop a send; what Zendesk thinks of the body is exactly what a test send is for.
    const { target: _lintOnly, ...renderRequest } = input
    const { input: render, renderedFor } = this.deps.resolveRender(renderRequest)
    const user = renderedFor.user
    const { result: rendered, ticketFields } = await this.deps.render.render(render, {
      locateTicketFields: true,
      signal,
    })
    if (rendered.aborted) {
      yield {
        type: 'not-sent',
        message: `Braze would not send this message: ${rendered.aborted.reason}`,
        problems: rendered.problems,
      }
      return
    }
    if (rendered.problems.some((p) => p.severity === 'error')) {
      yield {
        type: 'not-sent',
        message: 'The template does not render; fix its Liquid errors first.',
        problems: rendered.problems,
      }
      return
    }
    // The sender reports attempts and waits from inside its loop; they reach the caller while
    // the send is still running.
    const result = yield* streamWhile<SendTicketEvent, Awaited<ReturnType<TicketSender['send']>>>(
      (emit) =>
        this.sender.send({
          profileId,
          body: rendered.output,
          addTestTag: input.addTestTag,
          correlation: {
            ...(input.templateName ? { template: input.templateName } : {}),
            ...(input.userId ? { userId: input.userId } : {}),
          },
          locate: fieldLocatorFrom(ticketFields),
          onAttempt: (attempt) => emit({ type: 'attempt', attempt }),
          onWait: (seconds, attempt, reason) => emit({ type: 'waiting', seconds, attempt, reason }),
          signal,
          ...(input.timeoutSeconds ? { timeoutMs: input.timeoutSeconds * 1000 } : {}),
        }),
    )
    if (result.ok && result.ticketId && result.agentUrl) {
      this.deps.log.add({
        ticketId: result.ticketId,
        profileId,
        agentUrl: result.agentUrl,
        createdAt: this.deps.now().toISOString(),
        subject: subjectOf(result.sentBody),
        templateName: input.templateName ?? null,
        userLabel: userLabel(user),
        exchangeId: result.exchange.id,
        taggedAsTest: input.addTestTag ?? false,
        deletedAt: null,
      })
    }
    const { sentBody: _body, ...rest } = result
    yield { type: 'result', result: rest }
  }

  history(profileId?: string): TestTicket[] {
    return this.deps.log.list({ profileId })
  }

  async cleanup(
    profileId: string,
    ticketIds: number[] | undefined,
    onProgress: (done: number, total: number) => void,
  ): Promise<CleanupResult> {
    const profile = this.deps.vault.get(await this.deps.useProfile(profileId))
    const ids = ticketIds ?? this.deps.log.list({ profileId }).map((t) => t.ticketId)
    const { http, exchanges, now } = this.deps
    const result = await deleteTickets(
      { http, exchanges, now },
      {
        profileId,
        baseUrl: profile.zendesk.baseUrl,
        authorization: await this.deps.authorizer.authorization(profileId),
        ids,
        onProgress: ({ done, total }) => onProgress(done, total),
      },
    )
    this.deps.log.markDeleted(profileId, result.deleted, this.deps.now())
    return result
  }

  async curl(
    exchangeId: string,
    withSecrets: boolean,
  ): Promise<{ command: string; copied: boolean }> {
    const record = await this.deps.exchanges.get(exchangeId)
    if (!record) throw new Error(`No exchange ${exchangeId}: it may have been deleted.`)
    const request = record.attempts.at(-1)?.request
    if (!request) throw new Error(`Exchange ${exchangeId} has no attempt to copy yet.`)
    const masked = toCurl(request)
    if (!withSecrets) return { command: masked, copied: false }
    if (!this.deps.copyToClipboard) {
      throw new Error(
        'Copy with secrets is only available in the desktop app: in browser mode secrets never reach the page. Copy the masked command and add the credentials yourself.',
      )
    }
    const authorization = await this.deps.authorizer.authorization(record.profileId)
    this.deps.copyToClipboard(
      toCurl(
        {
          ...request,
          headers: request.headers.map(([name, value]) =>
            name.toLowerCase() === 'authorization' ? [name, authorization] : [name, value],
          ),
        },
        { withSecrets: true },
      ),
    )
    return { command: masked, copied: true }
  }
}

function subjectOf(body: string): string | null {
  try {
    const subject = (JSON.parse(body) as { ticket?: { subject?: unknown } }).ticket?.subject
    return typeof subject === 'string' ? subject : null
  } catch {
    return null
  }
}
