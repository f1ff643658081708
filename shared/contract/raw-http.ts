import { z } from 'zod'

/**
 * One HTTP message as it was on the wire, for both directions: what Bridgebench sent (a ticket,
 * a forward, a replay) and what it received (a captured webhook, an answer). Signatures are
 * computed over raw bytes and tunnels rewrite headers, so nothing here is normalised.
 */

/**
 * Header lines in the order they were sent or received, each `[name, value]` with the name's
 * case kept and duplicates kept as separate pairs (Node's `rawHeaders`, paired up).
 */
export const rawHeaders = z.array(z.tuple([z.string(), z.string()]))
export type RawHeaders = z.infer<typeof rawHeaders>

/**
 * A body as bytes. Valid UTF-8 is kept as text (`encoding: 'utf8'`) so records stay readable and
 * diffable in git; anything else as base64. `size` is the byte length of the whole body; when
 * only the first bytes were kept (an oversize capture), `truncated` is true and `data` holds them.
 */
export const rawBody = z.object({
  encoding: z.enum(['utf8', 'base64']),
  data: z.string(),
  /** Bytes in the whole body, as it arrived or was sent. */
  size: z.number().int().min(0),
  truncated: z.boolean().default(false),
})
export type RawBody = z.infer<typeof rawBody>

/**
 * An instant with microseconds, as ISO 8601 UTC (`2026-11-30T03:11:22.123456Z`), so captures
 * that arrive within one millisecond still sort in arrival order.
 */
export const preciseTime = z
  .string()
  .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3,6}Z$/, 'an ISO 8601 UTC time')
export type PreciseTime = z.infer<typeof preciseTime>

export const rawRequest = z.object({
  method: z.string(),
  /** Absolute URL for requests Bridgebench sent; path and query as received for captures. */
  url: z.string(),
  headers: rawHeaders,
  body: rawBody,
  /** When the first byte was sent, or when the request line arrived. */
  at: preciseTime,
})
export type RawRequest = z.infer<typeof rawRequest>

export const rawResponse = z.object({
  status: z.number().int(),
  statusText: z.string(),
  headers: rawHeaders,
  body: rawBody,
  /** When the status line arrived, or when Bridgebench answered. */
  at: preciseTime,
})
export type RawResponse = z.infer<typeof rawResponse>

/**
 * Where the time of one round trip went: how long each phase took, in milliseconds (as HAR's
 * `timings` are kept). A phase that did not happen (no lookup for an IP, no TLS for http, a
 * reused connection) is absent; `total` runs from the start to the last byte or the failure.
 */
export const timingPhases = z.object({
  dns: z.number().min(0).optional(),
  connect: z.number().min(0).optional(),
  tls: z.number().min(0).optional(),
  /** From the request being sent to the first byte of the answer (the server's think time). */
  firstByte: z.number().min(0).optional(),
  total: z.number().min(0),
})
export type TimingPhases = z.infer<typeof timingPhases>

/**
 * Why a request got no HTTP answer, in words a person can act on. `interrupted`: Bridgebench
 * stopped (a crash, a kill) while the request was in flight, so no answer was recorded.
 */
export const networkFailure = z.object({
  reason: z.enum([
    'dns',
    'tls',
    'timeout',
    'refused',
    'reset',
    'network',
    'cancelled',
    'interrupted',
  ]),
  message: z.string(),
})
export type NetworkFailureRecord = z.infer<typeof networkFailure>
