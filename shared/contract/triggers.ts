import { oc } from '@orpc/contract'
import { z } from 'zod'
import { profileId, ticketId } from './ids'
import { problem } from './problems'

/**
 * Zendesk → Braze authoring: the trigger body a Zendesk trigger posts to Braze `/users/track`,
 * rendered for sample tickets by the same placeholder engine the simulated Zendesk uses; and the
 * webhook plus trigger in the Zendesk account, set up in one step.
 */

const MAX_TEMPLATE = 256 * 1024

/**
 * How Zendesk inserts placeholder values: `json` escapes them for a JSON string, `raw` inserts
 * the text as-is. Zendesk does not document which it does, so the choice is always explicit.
 */
export const placeholderEscaping = z.enum(['json', 'raw'])
export type PlaceholderEscapingMode = z.infer<typeof placeholderEscaping>

/** A Zendesk API object (ticket or user) as the REST API returns it; unknown fields are kept. */
const apiObject = z.record(z.string(), z.unknown())

/**
 * A ticket to render for, in the REST API's shape: `GET /api/v2/tickets/{id}` plus its people
 * (`GET /api/v2/users/{id}`), as `{ticket, users}`. A file saved from Zendesk works as-is.
 */
export const sampleTicket = z.object({
  /** `builtin:NAME`, `sandbox:ID` or `profile:ID`. */
  key: z.string().max(128),
  label: z.string().max(512),
  source: z.enum(['built-in', 'sandbox', 'profile', 'file']),
  ticket: apiObject,
  users: z.array(apiObject).max(20),
})
export type SampleTicket = z.infer<typeof sampleTicket>

export const triggerRenderResult = z.object({
  /** The body Zendesk would send; null when the template cannot be rendered. */
  text: z.string().nullable(),
  escaping: placeholderEscaping,
  /** Liquid, unknown-placeholder, JSON and Braze `/users/track` problems, at template lines. */
  problems: z.array(problem),
  /** The body parses as JSON. */
  validJson: z.boolean(),
})
export type TriggerRenderResult = z.infer<typeof triggerRenderResult>

export const ticketLintResult = z.object({
  key: z.string(),
  label: z.string(),
  ok: z.boolean(),
  problems: z.array(problem),
})
export type TicketLintResult = z.infer<typeof ticketLintResult>

export const triggerLintResult = z.object({
  escaping: placeholderEscaping,
  tickets: z.array(ticketLintResult),
  /** Keys of the tickets with at least one error: the ones that break the body. */
  broken: z.array(z.string()),
})
export type TriggerLintResult = z.infer<typeof triggerLintResult>

export const triggerSendResult = z.object({
  ok: z.boolean(),
  url: z.string(),
  status: z.number().nullable(),
  /** Braze's answer body (text). */
  answer: z.string(),
  message: z.string(),
  /** Objects Braze skipped (a 2xx with `errors`) and render problems, at template lines. */
  problems: z.array(problem),
  /** The profile read back through `/users/export/ids`, or null when it could not be read. */
  profile: z.record(z.string(), z.unknown()).nullable(),
  profileMessage: z.string(),
})
export type TriggerSendResult = z.infer<typeof triggerSendResult>

/** The trigger conditions offered (a short list of what integrations use). */
export const triggerConditionChoice = z.enum([
  'solved',
  'solved-or-closed',
  'closed',
  'created',
  'updated',
])
export type TriggerConditionChoice = z.infer<typeof triggerConditionChoice>

export const triggerSetupInput = z.object({
  profileId: profileId.optional(),
  /** The trigger body; the built-in Zendesk → Braze template when not given. */
  template: z.string().max(MAX_TEMPLATE).optional(),
  condition: triggerConditionChoice.default('solved-or-closed'),
  /** `braze`: the profile's `/users/track`; `receiver`: the receiver's public URL. */
  destination: z.enum(['braze', 'receiver']).default('braze'),
  webhookName: z.string().min(1).max(200).default('Bridgebench → Braze /users/track'),
  triggerTitle: z.string().min(1).max(200).default('Bridgebench: ticket solved → Braze'),
})
export type TriggerSetupInput = z.input<typeof triggerSetupInput>

export const setupChange = z.object({
  kind: z.enum(['webhook', 'trigger']),
  action: z.enum(['create', 'update', 'none']),
  name: z.string(),
  /** The id in the account, when it exists already. */
  id: z.string().nullable(),
  /** Field by field: what the account has and what setup will write. */
  fields: z.array(
    z.object({
      field: z.string(),
      current: z.string().nullable(),
      desired: z.string(),
      changed: z.boolean(),
    }),
  ),
})
export type SetupChange = z.infer<typeof setupChange>

export const setupPlan = z.object({
  profileId: profileId,
  changes: z.array(setupChange),
  /** Nothing to do: the account already has this setup. */
  upToDate: z.boolean(),
  notes: z.array(z.string()),
})
export type SetupPlan = z.infer<typeof setupPlan>

export const setupStep = z.object({
  kind: z.enum(['webhook', 'trigger']),
  action: z.enum(['create', 'update', 'delete', 'restore', 'none']),
  id: z.string().nullable(),
  ok: z.boolean(),
  message: z.string(),
})
export type SetupStep = z.infer<typeof setupStep>

export const setupResult = z.object({
  ok: z.boolean(),
  plan: setupPlan,
  steps: z.array(setupStep),
  /** An undo is recorded for the profile. */
  undoAvailable: z.boolean(),
})
export type SetupResult = z.infer<typeof setupResult>

export const triggersContract = {
  /** The built-in Zendesk → Braze trigger body (what the Sandbox's trigger sends). */
  defaultTemplate: oc.output(z.string()),
  /** Built-in sample tickets, and the Sandbox's tickets (read through its REST API). */
  samples: oc.input(z.object({ profileId: profileId.optional() })).output(z.array(sampleTicket)),
  /** One ticket from a profile's Zendesk with its requester (`GET /api/v2/tickets/{id}`). */
  loadTicket: oc
    .input(z.object({ profileId: profileId.optional(), ticketId }))
    .output(sampleTicket),
  render: oc
    .input(
      z.object({
        template: z.string().max(MAX_TEMPLATE),
        ticket: sampleTicket,
        escaping: placeholderEscaping,
      }),
    )
    .output(triggerRenderResult),
  /** Renders for each ticket (the built-in and Sandbox samples when none are given). */
  lint: oc
    .input(
      z.object({
        template: z.string().max(MAX_TEMPLATE),
        tickets: z.array(sampleTicket).max(500).optional(),
        escaping: placeholderEscaping,
        profileId: profileId.optional(),
      }),
    )
    .output(triggerLintResult),
  /** POSTs the rendered body to the profile's Braze `/users/track` and reads the profile back. */
  send: oc
    .input(
      z.object({
        profileId: profileId.optional(),
        template: z.string().max(MAX_TEMPLATE),
        ticket: sampleTicket,
        escaping: placeholderEscaping,
      }),
    )
    .output(triggerSendResult),
  /** What setup would change in the account, field by field; changes nothing. */
  plan: oc.input(triggerSetupInput).output(setupPlan),
  /** Creates or updates the webhook and the trigger by name; a second apply changes nothing. */
  apply: oc.input(triggerSetupInput).output(setupResult),
  /** Puts back what the last apply changed (deletes what it created). */
  undo: oc.input(z.object({ profileId: profileId.optional() })).output(setupResult),
}
