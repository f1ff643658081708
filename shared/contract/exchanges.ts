import { oc } from '@orpc/contract'
import { z } from 'zod'

/** What was sent: headers already masked (DESIGN principle 4); the body byte for byte. */
export const exchangeRequest = z.object({
  method: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
})

export const exchangeResponse = z.object({
  status: z.number().int(),
  statusText: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
})

/** got's timing phases in ms (dns, tcp, tls, request, firstByte, download, total). */
export const exchangeTimings = z.object({
  wait: z.number().optional(),
  dns: z.number().optional(),
  tcp: z.number().optional(),
  tls: z.number().optional(),
  request: z.number().optional(),
  firstByte: z.number().optional(),
  download: z.number().optional(),
  total: z.number().optional(),
})
export type ExchangeTimings = z.infer<typeof exchangeTimings>

export const exchangeKind = z.enum(['zendesk-ticket-create', 'zendesk-ticket-delete'])

/** One HTTP round trip Bridgebench made, kept as a file so nothing sent is ever lost. */
export const exchange = z.object({
  id: z.string(),
  kind: exchangeKind,
  startedAt: z.string(),
  profileId: z.string(),
  attempt: z.number().int().min(1),
  idempotencyKey: z.string().nullable(),
  request: exchangeRequest,
  response: exchangeResponse.nullable(),
  timings: exchangeTimings.nullable(),
  /** Why there was no usable answer (network failure), in words a person can act on. */
  error: z.object({ reason: z.string(), message: z.string() }).nullable(),
  /** Links to what this exchange was about, for the Activity timeline. */
  correlation: z.record(z.string(), z.string()),
})
export type Exchange = z.infer<typeof exchange>

export const exchangesContract = {
  get: oc.input(z.object({ id: z.string() })).output(exchange),
  /**
   * The request as a cURL command, masked. With secrets only where they never pass through the
   * page: the desktop app copies it to the clipboard itself (`copied: true`).
   */
  curl: oc
    .input(z.object({ id: z.string(), withSecrets: z.boolean().default(false) }))
    .output(z.object({ command: z.string(), copied: z.boolean() })),
}
