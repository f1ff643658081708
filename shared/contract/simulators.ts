import { z } from 'zod'

/**
 * Settings and snapshots of the simulated Zendesk and Braze (main/core/simulators). Settings are
 * validated here so every door (UI, CLI, tests) gets the same clear errors; snapshots are what the
 * Simulators screen reads. Secrets (API tokens, keys, signing secrets) never appear in a snapshot.
 */

// ---------------------------------------------------------------------------------------------
// Zendesk settings

/** Account-wide Support API budgets per minute (reference/zendesk.md §3.1). */
export const zendeskPlan = z.enum([
  'essential',
  'team',
  'growth',
  'professional',
  'enterprise',
  'enterprise_plus',
  'high_volume',
])
export type ZendeskPlan = z.infer<typeof zendeskPlan>

export const ZENDESK_PLAN_REQUESTS_PER_MINUTE: Record<ZendeskPlan, number> = {
  essential: 10,
  team: 200,
  growth: 400,
  professional: 400,
  enterprise: 700,
  enterprise_plus: 2500,
  high_volume: 2500,
}

const ratio = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1')
const millis = z.number().int('must be a whole number of milliseconds').min(0, 'cannot be negative')

export const zendeskRateLimitSettings = z.strictObject({
  enabled: z.boolean(),
  plan: zendeskPlan,
  /** Overrides the plan's budget when set. */
  requestsPerMinute: z.number().int().positive().nullable(),
  /** Update Ticket: 30 per 10 min per user per ticket, 100/min per account (§3.2). */
  ticketUpdateLimits: z.boolean(),
})

export const zendeskDeliverySettings = z.strictObject({
  /** Zendesk's is fixed at 12 s (§5.7); shorter only for tests. */
  timeoutMs: millis.min(1, 'must be at least 1 ms'),
  /** Notifications are queued after the update commits (§6.1); this is the queue's latency. */
  queueDelayMs: millis,
  /** The backoff schedule is undocumented (§9 Q3): first delay, then multiplied per retry. */
  retryDelayMs: millis,
  retryBackoffFactor: z.number().min(1, 'must be 1 or more'),
  maxTimeoutRetries: z.number().int().min(0),
  maxConflictRetries: z.number().int().min(0),
  /** 429 and 503 are retried only when Retry-After is below this many seconds (§5.7). */
  maxRetryAfterSeconds: z.number().int().min(0),
  /** §5.7 gives no cap for 429/503 retries; without one a server that always says "retry" loops. */
  maxRetryAfterRetries: z.number().int().min(0),
  /** Whether a retry is signed afresh with a new timestamp (§9 Q3). */
  resignOnRetry: z.boolean(),
  signatureOrder: z.enum(['timestamp-body', 'body-timestamp']),
  /** Zendesk's User-Agent is undocumented (§9 Q2); null sends none. */
  userAgent: z.string().min(1).nullable(),
})

export const zendeskCircuitBreakerSettings = z.strictObject({
  enabled: z.boolean(),
  windowMs: millis.min(1),
  minRequests: z.number().int().min(1),
  errorRatio: ratio,
  maxErrors: z.number().int().min(1),
  pauseMs: millis,
})

export const zendeskFaultSettings = z.strictObject({
  /** Share of invocations delivered twice (at-least-once delivery, §5.7). */
  duplicateRate: ratio,
  /** Each invocation waits a random 0…N ms more, so later ones can overtake it (§5.7). */
  reorderWindowMs: millis,
})

export const zendeskSimulatorSettings = z.strictObject({
  rateLimits: zendeskRateLimitSettings,
  /** How placeholder values enter a JSON body: JSON-escaped or as raw text (§6.3, §9 Q1). */
  placeholderEscaping: z.enum(['json', 'raw']),
  /** `GET /users/me` without valid credentials answers 200 with an anonymous user (§1.3). */
  anonymousUsersMe: z.boolean(),
  /** API tokens are switched off (the 2027 retirement, §1.2): token Basic auth answers 401. */
  apiTokensRetired: z.boolean(),
  /** Capitalised or unknown status/priority/type on tickets: 422 or silently dropped (§9 Q5). */
  invalidEnumValues: z.enum(['reject', 'ignore']),
  /** Default status on create when an assignee is set (§4.2, §9 Q6). */
  statusOnCreateWithAssignee: z.enum(['new', 'open']),
  /** Whether `requester.external_id` sets the external ID of a requester it creates (§9 Q9). */
  requesterExternalId: z.enum(['match-only', 'set-on-create']),
  /** Omnichannel routing: an assignee_id on create is refused while routing (§4.5). */
  routingEnabled: z.boolean(),
  delivery: zendeskDeliverySettings,
  circuitBreaker: zendeskCircuitBreakerSettings,
  faults: zendeskFaultSettings,
})
export type ZendeskSimulatorSettings = z.infer<typeof zendeskSimulatorSettings>

export const zendeskSimulatorSettingsPatch = z.strictObject({
  rateLimits: zendeskRateLimitSettings.partial().optional(),
  placeholderEscaping: zendeskSimulatorSettings.shape.placeholderEscaping.optional(),
  anonymousUsersMe: z.boolean().optional(),
  apiTokensRetired: z.boolean().optional(),
  invalidEnumValues: zendeskSimulatorSettings.shape.invalidEnumValues.optional(),
  statusOnCreateWithAssignee: zendeskSimulatorSettings.shape.statusOnCreateWithAssignee.optional(),
  requesterExternalId: zendeskSimulatorSettings.shape.requesterExternalId.optional(),
  routingEnabled: z.boolean().optional(),
  delivery: zendeskDeliverySettings.partial().optional(),
  circuitBreaker: zendeskCircuitBreakerSettings.partial().optional(),
  faults: zendeskFaultSettings.partial().optional(),
})
export type ZendeskSimulatorSettingsPatch = z.infer<typeof zendeskSimulatorSettingsPatch>

// ---------------------------------------------------------------------------------------------
// Braze settings

export const brazePermission = z.enum(['users.track', 'users.export.ids'])
export type BrazePermission = z.infer<typeof brazePermission>

export const brazeRateLimitSettings = z.strictObject({
  enabled: z.boolean(),
  /** /users/track: 3,000 requests per 3 seconds (braze.md §5.2). */
  limit: z.number().int().positive(),
  windowSeconds: z.number().int().positive(),
})

export const brazeFaultSettings = z.strictObject({
  /** Share of requests answered 429 regardless of the real budget. */
  rateLimitedRate: ratio,
  /** Share of requests answered with `serverErrorStatus`. */
  serverErrorRate: ratio,
  serverErrorStatus: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]),
  /** Added before every answer. */
  latencyMs: millis,
})

export const brazeSimulatorSettings = z.strictObject({
  /** What the simulated REST key may do; a missing permission answers 403 (braze.md §4.2, §5.4). */
  keyPermissions: z.array(brazePermission),
  rateLimit: brazeRateLimitSettings,
  /** 201 is documented only indirectly; some mocks use 200 (braze.md §9 Q2). */
  successStatus: z.union([z.literal(201), z.literal(200)]),
  /** Objects per array in one /users/track request (braze.md §5.2). */
  maxObjectsPerArray: z.number().int().positive(),
  /** Array attributes keep this many unique values, 25 by default, up to 100 (braze.md §5.1). */
  arrayAttributeLimit: z.number().int().min(1).max(100),
  faults: brazeFaultSettings,
})
export type BrazeSimulatorSettings = z.infer<typeof brazeSimulatorSettings>

export const brazeSimulatorSettingsPatch = z.strictObject({
  keyPermissions: z.array(brazePermission).optional(),
  rateLimit: brazeRateLimitSettings.partial().optional(),
  successStatus: brazeSimulatorSettings.shape.successStatus.optional(),
  maxObjectsPerArray: brazeSimulatorSettings.shape.maxObjectsPerArray.optional(),
  arrayAttributeLimit: brazeSimulatorSettings.shape.arrayAttributeLimit.optional(),
  faults: brazeFaultSettings.partial().optional(),
})
export type BrazeSimulatorSettingsPatch = z.infer<typeof brazeSimulatorSettingsPatch>

export const simulatorSettingsPatch = z.strictObject({
  zendesk: zendeskSimulatorSettingsPatch.optional(),
  braze: brazeSimulatorSettingsPatch.optional(),
})
export type SimulatorSettingsPatch = z.infer<typeof simulatorSettingsPatch>

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
