import { oc } from '@orpc/contract'
import { z } from 'zod'
import { forwardDetail, forwardState } from './forward'
import { recordId } from './ids'
import { networkFailure, rawRequest, rawResponse, timingPhases } from './raw-http'

/**
 * What an exchange is about. An exchange is one outbound send Bridgebench made on the user's
 * behalf (a ticket create, a delete, a forward to Braze, a replay), with every attempt it took.
 */
export const exchangeKind = z.enum([
  'zendesk-ticket-create',
  'zendesk-ticket-delete',
  'braze-users-track',
  'forward',
  'replay',
])
export type ExchangeKind = z.infer<typeof exchangeKind>

/**
 * Why another attempt followed: the server's Retry-After, Braze's rate-limit reset, no answer at
 * all (timeout, reset), or plain backoff after a retryable answer.
 */
export const retryReason = z.enum(['retry-after', 'rate-limit-reset', 'no-answer', 'backoff'])
export type RetryReason = z.infer<typeof retryReason>

/**
 * One HTTP round trip of an exchange. Written as `pending` before the request leaves, so a crash
 * or a silent server still leaves a trace; completed as `answered` or `failed` afterwards.
 */
export const attempt = z.object({
  /** 1-based. */
  attempt: z.number().int().min(1),
  state: z.enum(['pending', 'answered', 'failed']),
  /** As sent, with credentials masked (DESIGN principle 4) and the body byte for byte. */
  request: rawRequest,
  /** As received, with credentials (Set-Cookie, …) masked. */
  response: rawResponse.nullable(),
  timings: timingPhases.nullable(),
  error: networkFailure.nullable(),
  /** Set when another attempt followed: how long was waited and why. */
  retry: z
    .object({
      afterSeconds: z.number().min(0),
      reason: retryReason,
    })
    .nullable(),
})
export type Attempt = z.infer<typeof attempt>

/** How the request's Authorization header was chosen. */
export const authorizationSource = z.enum([
  /** The profile's credentials from the vault. */
  'profile',
  /** The header exactly as the template rendered it, as Braze would send it. */
  'as-rendered',
  /** Passed through from a captured request. */
  'capture',
  'none',
])
export type AuthorizationSource = z.infer<typeof authorizationSource>

/** One outbound send and all its attempts, kept as a record so nothing sent is ever lost. */
export const exchange = z.object({
  id: z.string(),
  kind: exchangeKind,
  startedAt: z.string(),
  /** `pending` until the last attempt is complete. */
  state: z.enum(['pending', 'done']),
  profileId: z.string(),
  idempotencyKey: z.string().nullable(),
  authorization: authorizationSource,
  attempts: z.array(attempt),
  /**
   * Links to what this exchange was about, for the Activity timeline: `ticketId`, `templateId`…;
   * a forward has `captureId` and `route`, and `invocationId`, `webhookId` and `ticketId` when
   * the capture names them.
   */
  correlation: z.record(z.string(), z.string()),
  /** Kind `forward`: the lint, Braze's answer read, the transform's output and the read-back. */
  forward: forwardDetail.optional(),
})
export type Exchange = z.infer<typeof exchange>

/** What the exchange index keeps of each exchange: enough to list and filter without a read. */
export const exchangeSummary = z.object({
  id: z.string(),
  kind: exchangeKind,
  state: exchange.shape.state,
  profileId: z.string(),
  startedAt: z.string(),
  attempts: z.number().int(),
  /** The last attempt's HTTP status; null when it got no answer. */
  status: z.number().int().nullable(),
  /** The Zendesk ticket the exchange created or touched, when known. */
  ticketId: z.number().int().nullable(),
  /** The capture a forward (or replay) sent on. */
  captureId: z.string().nullable(),
  /** A forward's outcome, and its one-line message. */
  outcome: forwardState.nullable(),
  message: z.string().nullable(),
})
export type ExchangeSummaryView = z.infer<typeof exchangeSummary>

export const exchangeQuery = z.object({
  kind: exchangeKind.optional(),
  profileId: z.string().max(64).optional(),
  captureId: recordId.optional(),
  state: exchange.shape.state.optional(),
  /** Cursor: the `nextCursor` of the previous page. */
  before: recordId.optional(),
  limit: z.number().int().min(1).max(500).default(100),
})
export type ExchangeQueryInput = z.input<typeof exchangeQuery>

export const exchangesContract = {
  get: oc.input(z.object({ id: recordId })).output(exchange),
  /** Newest first, from the index (no file is read): by kind, profile, capture and state. */
  list: oc
    .input(exchangeQuery)
    .output(z.object({ items: z.array(exchangeSummary), nextCursor: z.string().nullable() })),
  /**
   * The request as a cURL command, masked. With secrets only where they never pass through the
   * page: the desktop app copies it to the clipboard itself (`copied: true`).
   */
  curl: oc
    .input(z.object({ id: recordId, withSecrets: z.boolean().default(false) }))
    .output(z.object({ command: z.string(), copied: z.boolean() })),
}
