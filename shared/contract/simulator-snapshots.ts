import { z } from 'zod'
import { brazeSimulatorSettings, zendeskSimulatorSettings } from './simulator-settings'

/**
 * What the Simulators screen reads of the simulated Zendesk and Braze, and their change events.
 * Secrets (API tokens, keys, signing secrets) never appear in a snapshot.
 */

// ---------------------------------------------------------------------------------------------
// Zendesk snapshots

export const zendeskTicketStatus = z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed'])
export type ZendeskTicketStatus = z.infer<typeof zendeskTicketStatus>

export const zendeskUserView = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  externalId: z.string().nullable(),
  role: z.enum(['end-user', 'agent', 'admin']),
  createdAt: z.string(),
})
export type ZendeskUserView = z.infer<typeof zendeskUserView>

export const zendeskCommentView = z.object({
  id: z.number(),
  authorId: z.number(),
  body: z.string(),
  public: z.boolean(),
  createdAt: z.string(),
})

export const zendeskTicketView = z.object({
  id: z.number(),
  subject: z.string().nullable(),
  description: z.string(),
  status: zendeskTicketStatus,
  priority: z.string().nullable(),
  type: z.string().nullable(),
  requesterId: z.number(),
  requesterName: z.string().nullable(),
  requesterExternalId: z.string().nullable(),
  assigneeId: z.number().nullable(),
  tags: z.array(z.string()),
  externalId: z.string().nullable(),
  viaChannel: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  comments: z.array(zendeskCommentView),
})
export type ZendeskTicketView = z.infer<typeof zendeskTicketView>

export const zendeskWebhookView = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['active', 'inactive']),
  endpoint: z.string(),
  httpMethod: z.string(),
  requestFormat: z.string(),
  subscriptions: z.array(z.string()),
  /** `bearer_token`, `basic_auth`, `api_key` or null; the credential itself is never shown. */
  authenticationType: z.string().nullable(),
  createdAt: z.string(),
})
export type ZendeskWebhookView = z.infer<typeof zendeskWebhookView>

export const zendeskTriggerCondition = z.object({
  field: z.string(),
  operator: z.string(),
  value: z.unknown().optional(),
})

export const zendeskTriggerView = z.object({
  id: z.number(),
  title: z.string(),
  active: z.boolean(),
  position: z.number(),
  conditions: z.object({
    all: z.array(zendeskTriggerCondition),
    any: z.array(zendeskTriggerCondition),
  }),
  actions: z.array(z.object({ field: z.string(), value: z.unknown() })),
})
export type ZendeskTriggerView = z.infer<typeof zendeskTriggerView>

export const webhookAttemptOutcome = z.enum([
  'success',
  'http-error',
  'timeout',
  'network-error',
  'circuit-broken',
  'cancelled',
])

export const webhookAttemptView = z.object({
  attempt: z.number(),
  startedAt: z.string(),
  durationMs: z.number(),
  outcome: webhookAttemptOutcome,
  statusCode: z.number().nullable(),
  error: z.string().nullable(),
  responseBody: z.string().nullable(),
  /** When the next retry is due, if one was scheduled after this attempt. */
  retryInMs: z.number().nullable(),
})
export type WebhookAttemptView = z.infer<typeof webhookAttemptView>

/** The invocation status enum is undocumented (§9 Q8); these names are ours. */
export const webhookInvocationStatus = z.enum([
  'queued',
  'sending',
  'retrying',
  'succeeded',
  'failed',
  'circuit-broken',
  'cancelled',
])

export const webhookInvocationView = z.object({
  id: z.string(),
  webhookId: z.string(),
  triggerId: z.number().nullable(),
  ticketId: z.number().nullable(),
  status: webhookInvocationStatus,
  /** A copy made by the "duplicate deliveries" fault. */
  duplicate: z.boolean(),
  createdAt: z.string(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    /** As sent, with credentials masked. */
    headers: z.record(z.string(), z.string()),
    body: z.string(),
  }),
  attempts: z.array(webhookAttemptView),
})
export type WebhookInvocationView = z.infer<typeof webhookInvocationView>

export const zendeskSnapshot = z.object({
  url: z.string(),
  settings: zendeskSimulatorSettings,
  users: z.array(zendeskUserView),
  tickets: z.array(zendeskTicketView),
  webhooks: z.array(zendeskWebhookView),
  triggers: z.array(zendeskTriggerView),
  invocations: z.array(webhookInvocationView),
})
export type ZendeskSnapshot = z.infer<typeof zendeskSnapshot>

// ---------------------------------------------------------------------------------------------
// Braze snapshots

export const brazeTimelineEntry = z.object({
  kind: z.enum(['attributes', 'event', 'purchase']),
  /** Event name, product id, or the attribute names that changed. */
  name: z.string(),
  /** The event's own `time` (after Braze's future-time clamp); the receipt time for attributes. */
  time: z.string(),
  receivedAt: z.string(),
  properties: z.record(z.string(), z.unknown()),
})
export type BrazeTimelineEntry = z.infer<typeof brazeTimelineEntry>

export const brazeProfileView = z.object({
  brazeId: z.string(),
  externalId: z.string().nullable(),
  userAliases: z.array(z.object({ alias_name: z.string(), alias_label: z.string() })),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  /** Every other standard attribute that is set (country, language, dob…). */
  standardAttributes: z.record(z.string(), z.unknown()),
  customAttributes: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Newest last, capped. */
  timeline: z.array(brazeTimelineEntry),
})
export type BrazeProfileView = z.infer<typeof brazeProfileView>

export const brazeRequestView = z.object({
  at: z.string(),
  method: z.string(),
  path: z.string(),
  status: z.number(),
  summary: z.string(),
})
export type BrazeRequestView = z.infer<typeof brazeRequestView>

export const brazeSnapshot = z.object({
  url: z.string(),
  settings: brazeSimulatorSettings,
  profiles: z.array(brazeProfileView),
  /** Newest last, capped. */
  requests: z.array(brazeRequestView),
})
export type BrazeSnapshot = z.infer<typeof brazeSnapshot>

export const sandboxSnapshot = z.object({
  zendesk: zendeskSnapshot,
  braze: brazeSnapshot,
  /** Where the sandbox trigger's webhook delivers. */
  receiverUrl: z.string(),
})
export type SandboxSnapshot = z.infer<typeof sandboxSnapshot>

// ---------------------------------------------------------------------------------------------
// Change events (coalesced: a UI refetches the snapshot part they name)

export const simulatorEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('zendesk.ticket'),
    action: z.enum(['created', 'updated', 'deleted']),
    ticketId: z.number(),
  }),
  z.object({ type: z.literal('zendesk.user'), action: z.literal('created'), userId: z.number() }),
  z.object({
    type: z.literal('zendesk.webhook'),
    action: z.enum(['created', 'updated', 'deleted']),
    webhookId: z.string(),
  }),
  z.object({
    type: z.literal('zendesk.trigger'),
    action: z.enum(['created', 'updated', 'deleted']),
    triggerId: z.number(),
  }),
  z.object({
    type: z.literal('zendesk.invocation'),
    invocationId: z.string(),
    status: webhookInvocationStatus,
  }),
  /** Coalesced (at most every ~100 ms): the profiles that changed and the requests answered. */
  z.object({
    type: z.literal('braze.activity'),
    brazeIds: z.array(z.string()),
    requests: z.number(),
  }),
  z.object({ type: z.literal('settings'), simulator: z.enum(['zendesk', 'braze']) }),
])
export type SimulatorEvent = z.infer<typeof simulatorEvent>
