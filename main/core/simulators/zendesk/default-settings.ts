import type { ZendeskSimulatorSettings } from '../../../../shared/contract/simulators'

/**
 * Defaults, and why each open question (reference/zendesk.md §9) defaults the way it does:
 * - placeholderEscaping `json` (Q1): the weak evidence (§6.3) points to escaped quotes, and demo
 *   data with quotes (`José "Pepe"`) keeps producing valid JSON; switch to `raw` to harden a
 *   receiver against unescaped bodies.
 * - invalidEnumValues `reject` (Q5): §4.2 advises accepting only the lowercase API values.
 * - statusOnCreateWithAssignee `open` (Q6): what §4.2 reports, unverified.
 * - requesterExternalId `match-only` (Q9): only matching is reported (§4.2); a flow that relies on
 *   Zendesk creating users with an external ID should fail here first.
 * - delivery retries: 1 s, doubling (Q3: the schedule is undocumented); a retry is re-signed with
 *   a fresh timestamp and keeps its invocation id (Q3); no User-Agent is invented (Q2).
 */
export function defaultZendeskSettings(): ZendeskSimulatorSettings {
  return {
    rateLimits: {
      enabled: true,
      plan: 'enterprise',
      requestsPerMinute: null,
      ticketUpdateLimits: true,
    },
    placeholderEscaping: 'json',
    anonymousUsersMe: true,
    apiTokensRetired: false,
    invalidEnumValues: 'reject',
    statusOnCreateWithAssignee: 'open',
    requesterExternalId: 'match-only',
    routingEnabled: false,
    delivery: {
      timeoutMs: 12_000,
      queueDelayMs: 250,
      retryDelayMs: 1_000,
      retryBackoffFactor: 2,
      maxTimeoutRetries: 5,
      maxConflictRetries: 3,
      maxRetryAfterSeconds: 60,
      maxRetryAfterRetries: 5,
      resignOnRetry: true,
      signatureOrder: 'timestamp-body',
      userAgent: null,
    },
    circuitBreaker: {
      enabled: true,
      windowMs: 5 * 60_000,
      minRequests: 100,
      errorRatio: 0.7,
      maxErrors: 1_000,
      pauseMs: 5_000,
    },
    faults: { duplicateRate: 0, reorderWindowMs: 0 },
  }
}
