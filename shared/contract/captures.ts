import { eventIterator, oc } from '@orpc/contract'
import { z } from 'zod'
import { captureForward, routeForward } from './forward'
import { recordId } from './ids'
import { preciseTime, rawRequest } from './raw-http'

/**
 * What the webhook receiver keeps of each request Zendesk (or anyone) sent it: the request byte
 * for byte, how it arrived, what it parses as, whether its signature holds, which invocation and
 * attempt it belongs to, and what the receiver answered. Nothing is ever dropped: malformed,
 * forged and oversize requests are captured and flagged.
 */

/** What carried a request to the receiver. */
export const captureTransport = z.enum(['direct', 'ngrok', 'cloudflared', 'localtunnel', 'custom'])
export type CaptureTransport = z.infer<typeof captureTransport>

/** A place in the body, 1-based, for parse errors. */
export const bodyPosition = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  /** 0-based character offset in the body text. */
  offset: z.number().int().min(0),
})
export type BodyPosition = z.infer<typeof bodyPosition>

/** How the body reads, by its content type (and by its bytes when the type is missing). */
export const parseStatus = z.object({
  kind: z.enum(['json', 'form', 'xml', 'text', 'binary', 'empty']),
  ok: z.boolean(),
  /** Why it does not parse as its kind, and where. */
  error: z.object({ message: z.string(), at: bodyPosition.nullable() }).nullable(),
})
export type ParseStatus = z.infer<typeof parseStatus>

export const signatureVerdict = z.enum([
  'valid',
  'valid (test secret)',
  'invalid',
  'missing',
  'no secret configured',
])
export type SignatureVerdict = z.infer<typeof signatureVerdict>

/** The Zendesk webhook signature check of one capture. */
export const signatureReport = z.object({
  verdict: signatureVerdict,
  /** Which secret verified it: the profile's, an environment variable's, or Zendesk's test secret. */
  secret: z.enum(['profile', 'environment', 'test']).nullable(),
  /** For an invalid signature: the likeliest cause found by trying the known mistakes. */
  cause: z.string().nullable(),
  /** The signature timestamp header, as sent. */
  timestamp: z.string().nullable(),
  /** Seconds between the signature timestamp and arrival (positive: signed in the past). */
  ageSeconds: z.number().nullable(),
  /** A stale or unreadable timestamp (only with a tolerance set: Zendesk documents no window). */
  warning: z.string().nullable(),
})
export type SignatureReport = z.infer<typeof signatureReport>

/** Zendesk's delivery headers (x-zendesk-webhook-*, x-zendesk-account-id), when present. */
export const invocationRef = z.object({
  webhookId: z.string().nullable(),
  invocationId: z.string().nullable(),
  attempt: z.number().int().nullable(),
  accountId: z.string().nullable(),
})
export type InvocationRef = z.infer<typeof invocationRef>

/** How the receiver answers a route: the status, a delay, or closing the connection. */
export const routeAnswer = z.object({
  status: z.number().int().min(100).max(599).default(200),
  /** Sent as `Retry-After` (seconds) with 409, 429 and 503, to exercise Zendesk's retries. */
  retryAfterSeconds: z.number().int().min(0).max(86_400).nullable().default(null),
  /** Wait this long before answering; over Zendesk's 12 s timeout it counts as a timeout there. */
  delayMs: z.number().int().min(0).max(120_000).default(0),
  /** Close the connection instead of answering (after any delay). */
  close: z.boolean().default(false),
})
export type RouteAnswer = z.infer<typeof routeAnswer>

/** What the receiver actually did for one capture. */
export const givenAnswer = z.object({
  status: z.number().int().nullable(),
  retryAfterSeconds: z.number().nullable(),
  delayMs: z.number(),
  closed: z.boolean(),
  /** Why this answer (the route's setting, an oversize body, a strict-mode signature refusal…). */
  reason: z.string(),
})
export type GivenAnswer = z.infer<typeof givenAnswer>

/** What Zendesk does after this answer (https://developer.zendesk.com/documentation/webhooks/troubleshooting/). */
export const zendeskNextStep = z.object({
  /** `delivered`: a 2xx; `retry`: Zendesk tries again; `gives-up`: no retry for this answer. */
  outcome: z.enum(['delivered', 'retry', 'gives-up']),
  message: z.string(),
  /** Seconds until the retry, when Zendesk says (Retry-After). */
  retryInSeconds: z.number().nullable(),
})
export type ZendeskNextStep = z.infer<typeof zendeskNextStep>

export const capture = z.object({
  id: z.string(),
  /** The route name: the first path segment after `/hooks/`. */
  route: z.string(),
  receivedAt: preciseTime,
  /** Method, path and query as received, raw headers in order, body bytes (or its first 64 KB). */
  request: rawRequest,
  transport: captureTransport,
  /** The client's address: from `X-Forwarded-For` when a tunnel carried the request. */
  clientAddress: z.string(),
  contentType: z.string().nullable(),
  parse: parseStatus,
  signature: signatureReport,
  invocation: invocationRef,
  answer: givenAnswer,
  next: zendeskNextStep,
  /** Flags across captures: a second arrival of the same attempt, or one that overtook a later one. */
  flags: z.array(z.enum(['duplicate', 'out-of-order', 'oversize', 'timed-out'])),
  /**
   * Credential headers (Authorization, API keys) are stored masked in `request.headers`; their
   * values are kept here only as ciphertext of the secret store, by header line index, so a
   * forward can pass them on. Empty when secret storage was locked at capture time.
   */
  sealedHeaders: z
    .array(z.object({ index: z.number().int().min(0), cipherText: z.string() }))
    .default([]),
  /**
   * Its latest forward to Braze (`pending` from arrival on a route that forwards); the forward's
   * exchange has every attempt. Absent when it was never forwarded.
   */
  forward: captureForward.optional(),
})
export type Capture = z.infer<typeof capture>

/** What the inbox list shows of a capture (kept in memory for every capture). */
export const captureSummary = z.object({
  id: z.string(),
  route: z.string(),
  receivedAt: z.string(),
  method: z.string(),
  path: z.string(),
  size: z.number().int(),
  contentType: z.string().nullable(),
  parseKind: parseStatus.shape.kind,
  parseOk: z.boolean(),
  verdict: signatureVerdict,
  webhookId: z.string().nullable(),
  invocationId: z.string().nullable(),
  attempt: z.number().int().nullable(),
  status: z.number().int().nullable(),
  flags: capture.shape.flags,
  transport: captureTransport,
  /** "forwarded → 201", "failed: …", "pending"; null when never forwarded. */
  forward: captureForward.nullable().default(null),
})
export type CaptureSummary = z.infer<typeof captureSummary>

/** One receiver route: `/hooks/{name}/…`. */
export const receiverRoute = z.object({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'Route names are lower-case letters, digits, - and _.'),
  answer: routeAnswer.default({ status: 200, retryAfterSeconds: null, delayMs: 0, close: false }),
  /** Refuse requests whose signature is not valid with 401 (still captured). */
  strictSignature: z.boolean().default(false),
  /** The profile whose signing secret verifies this route's requests (null: the active one). */
  profileId: z.string().nullable().default(null),
  /** Auto-forward to Braze: off, transparent proxy or capture-first, and how. */
  forward: routeForward.prefault({}),
})
export type ReceiverRoute = z.infer<typeof receiverRoute>
export type ReceiverRouteInput = z.input<typeof receiverRoute>

/** Filters for the inbox list; all optional and combined. */
export const captureQuery = z.object({
  route: z.string().max(64).optional(),
  method: z.string().max(16).optional(),
  verdict: signatureVerdict.optional(),
  parseOk: z.boolean().optional(),
  invocationId: z.string().max(64).optional(),
  since: z.iso.datetime().optional(),
  until: z.iso.datetime().optional(),
  /** Words that must all appear in the route, path or the body's first 2 KB. */
  search: z.string().max(200).optional(),
  /** Cursor: the `nextCursor` of the previous page. */
  before: recordId.optional(),
  limit: z.number().int().min(1).max(500).default(100),
})
export type CaptureQuery = z.input<typeof captureQuery>

export const capturePage = z.object({
  items: z.array(captureSummary),
  nextCursor: z.string().nullable(),
  /** Captures stored in all (before filters). */
  total: z.number().int(),
})
export type CapturePage = z.infer<typeof capturePage>

export const captureEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('captured'), summary: captureSummary }),
  /** A capture changed after it was stored: its forward finished, a proxy answer was given. */
  z.object({ type: z.literal('updated'), summary: captureSummary }),
  z.object({ type: z.literal('deleted'), ids: z.array(z.string()) }),
])
export type CaptureEvent = z.infer<typeof captureEvent>

/** Zendesk's circuit breaker as the receiver's answers would drive it. */
export const breakerEstimate = z.object({
  webhookId: z.string(),
  requests: z.number().int(),
  errors: z.number().int(),
  errorRate: z.number().nullable(),
  tripped: z.boolean(),
  message: z.string(),
})

export const captureDetail = z.object({
  capture,
  /** The other captures of the same invocation, oldest first. */
  invocationAttempts: z.array(captureSummary),
  breaker: breakerEstimate.nullable(),
})
export type CaptureDetail = z.infer<typeof captureDetail>

/** A named capture set: a folder of captures a QA team can commit and replay. */
export const captureSetRef = z.object({
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, 'Set names are letters, digits, ., _ and -.'),
})

export const captureSetInfo = z.object({
  name: z.string(),
  folder: z.string(),
  count: z.number().int(),
})
export type CaptureSetInfo = z.infer<typeof captureSetInfo>

export const capturesContract = {
  list: oc.input(captureQuery).output(capturePage),
  /** The capture with credentials masked, its invocation's attempts, and the breaker estimate. */
  get: oc.input(z.object({ id: recordId })).output(captureDetail),
  remove: oc
    .input(z.object({ ids: z.array(recordId).min(1).max(10_000) }))
    .output(z.object({ removed: z.number().int() })),
  /** Live: each new capture's summary as it is stored. */
  events: oc.output(eventIterator(captureEvent)),
  /** The captured request as a cURL command aimed at the receiver (credentials masked). */
  curl: oc.input(z.object({ id: recordId })).output(z.object({ command: z.string() })),
  sets: oc.output(z.array(captureSetInfo)),
  /** Writes captures (by id, or those matching a query) into a named set, secrets masked. */
  saveSet: oc
    .input(
      captureSetRef.extend({
        ids: z.array(recordId).max(10_000).optional(),
        query: captureQuery.optional(),
      }),
    )
    .output(captureSetInfo),
}
