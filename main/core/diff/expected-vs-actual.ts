import type { Capture } from '../../../shared/contract/captures'
import type { ExpectedDiff, ExpectedInput } from '../../../shared/contract/diffs'
import type { Problem } from '../../../shared/contract/problems'
import type { HttpClient } from '../net/http-request'
import { toRawBody } from '../net/raw-record'
import { apiTicketContext, readApiTicket } from '../zendesk/placeholders/api-ticket-context'
import type { PlaceholderEscaping } from '../zendesk/placeholders/placeholder-context'
import type { PlaceholderRenderer } from '../zendesk/placeholders/placeholder-renderer'
import {
  readTicketBundle,
  readTriggerTemplate,
  type ZendeskReadTarget,
} from '../zendesk/ticket-context-client'
import { captureMessage } from './diff-sources'
import { DiffTargetNotFoundError, type DiffRunner } from './diff-service'

export interface ExpectedTarget extends ZendeskReadTarget {
  profileId: string
  /** `{{ticket.account}}` and `{{ticket.brand.name}}`. */
  accountName: string
  accountId: number
}

/** What only the Sandbox knows: which ticket an invocation was for, and how it escapes values. */
export interface SandboxHints {
  ticketId?: number
  escaping?: PlaceholderEscaping
}

export interface ExpectedDeps {
  http: HttpClient
  capture: (id: string) => Promise<Capture | undefined>
  /** The profile's Zendesk (the active profile when none is given), ready to call. */
  target: (profileId: string | undefined) => Promise<ExpectedTarget>
  hints: (profileId: string, capture: Capture) => SandboxHints
  renderer: PlaceholderRenderer
  run: DiffRunner
}

/**
 * Expected vs actual: the trigger's body template rendered for the ticket by the placeholder
 * engine, as Zendesk renders it, against the body Zendesk actually sent. The ticket is read as
 * it is now (a later update shows in time fields); headers and start line are the capture's on
 * both sides, since the template only defines the body.
 */
export async function expectedVsActual(
  deps: ExpectedDeps,
  input: ExpectedInput,
): Promise<ExpectedDiff> {
  const capture = await deps.capture(input.captureId)
  if (!capture)
    throw new DiffTargetNotFoundError(
      `No capture ${input.captureId}: it may have been deleted or expired.`,
    )
  const target = await deps.target(input.profileId)
  const hints = deps.hints(target.profileId, capture)
  const given =
    input.ticketJson === undefined ? undefined : readApiTicket(JSON.parse(input.ticketJson))
  const ticketId = given?.id ?? input.ticketId ?? hints.ticketId
  if (ticketId === undefined) {
    throw new DiffTargetNotFoundError(
      `Which ticket did the trigger fire for? Capture ${capture.id} does not say: give the ticket id (or the ticket as JSON).`,
    )
  }
  const { template, source } = await templateFor(deps, target, capture, input.template)
  const bundle = await readTicketBundle(deps.http, target, given ?? ticketId)
  const { context, problems } = apiTicketContext({
    ...bundle,
    account: {
      id: Number(capture.invocation.accountId) || target.accountId,
      name: target.accountName,
      origin: target.baseUrl,
    },
    escaping: input.escaping ?? hints.escaping ?? 'json',
  })
  const rendering = deps.renderer.render(template, context)
  const notes = [
    `Expected: ${source} rendered for ticket ${ticketId} as it is now (updated ${bundle.ticket.updated_at}).`,
    ...bundle.missing.map(
      (what) => `Could not read ${what}: placeholders that read it render empty.`,
    ),
  ]
  if (rendering.text === null) notes.push('The template does not render: see the problems.')
  const actual = captureMessage(capture, 'Actual (captured)')
  const diff = await deps.run({
    left: { ...actual, label: 'Expected (template)', body: toRawBody(rendering.text ?? '') },
    right: actual,
    options: input.options,
    notes,
  })
  const allProblems: Problem[] = [...rendering.problems, ...problems]
  return { diff, ticketId, templateSource: source, problems: allProblems }
}

async function templateFor(
  deps: ExpectedDeps,
  target: ExpectedTarget,
  capture: Capture,
  given: string | undefined,
): Promise<{ template: string; source: string }> {
  if (given !== undefined) return { template: given, source: 'the given template' }
  const webhookId = capture.invocation.webhookId
  if (!webhookId) {
    throw new DiffTargetNotFoundError(
      `Capture ${capture.id} has no x-zendesk-webhook-id header, so its trigger cannot be looked up: give the trigger's body template.`,
    )
  }
  const found = await readTriggerTemplate(deps.http, target, webhookId)
  if (!found) {
    throw new DiffTargetNotFoundError(
      `No active trigger in this Zendesk notifies webhook ${webhookId}: give the trigger's body template.`,
    )
  }
  return found
}
