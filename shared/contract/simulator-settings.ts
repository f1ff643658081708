import { z } from 'zod'

/**
 * Settings of the simulated Zendesk and Braze (main/core/simulators), validated here so every
 * door (UI, CLI, tests) gets the same clear errors.
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
  /**
   * Objects one /users/track request may hold before Braze answers 400 Max Input Length Exceeded:
   * 75 by default, 50 on some contracts (braze.md §5.2).
   */
  maxObjects: z.number().int().positive(),
  /**
   * `combined`: `maxObjects` across attributes, events and purchases together, Braze's default
   * now; `per-array`: for each array, as on older contracts (75 + 75 + 75).
   */
  maxObjectsScope: z.enum(['combined', 'per-array']),
  /** Array attributes keep this many unique values, 25 by default, up to 100 (braze.md §5.1). */
  arrayAttributeLimit: z.number().int().min(1).max(100),
  faults: brazeFaultSettings,
})
export type BrazeSimulatorSettings = z.infer<typeof brazeSimulatorSettings>

export const brazeSimulatorSettingsPatch = z.strictObject({
  keyPermissions: z.array(brazePermission).optional(),
  rateLimit: brazeRateLimitSettings.partial().optional(),
  successStatus: brazeSimulatorSettings.shape.successStatus.optional(),
  maxObjects: brazeSimulatorSettings.shape.maxObjects.optional(),
  maxObjectsScope: brazeSimulatorSettings.shape.maxObjectsScope.optional(),
  arrayAttributeLimit: brazeSimulatorSettings.shape.arrayAttributeLimit.optional(),
  faults: brazeFaultSettings.partial().optional(),
})
export type BrazeSimulatorSettingsPatch = z.infer<typeof brazeSimulatorSettingsPatch>

export const simulatorSettingsPatch = z.strictObject({
  zendesk: zendeskSimulatorSettingsPatch.optional(),
  braze: brazeSimulatorSettingsPatch.optional(),
})
export type SimulatorSettingsPatch = z.infer<typeof simulatorSettingsPatch>
