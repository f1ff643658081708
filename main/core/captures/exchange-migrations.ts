import { z } from 'zod'
import type { Attempt, Exchange } from '../../../shared/contract/exchanges'
import { networkFailure } from '../../../shared/contract/raw-http'
import { maskHeaderPairs } from '../../../shared/security/masking'
import { headerPairs, preciseIso, toRawBody } from '../net/raw-record'
import type { Migration } from '../storage/settings-migrations'

/** An exchange file as the first release wrote it: one attempt per file, no schemaVersion. */
const firstReleaseExchange = z.object({
  id: z.string(),
  kind: z.string(),
  startedAt: z.string(),
  profileId: z.string(),
  attempt: z.number().int().min(1),
  idempotencyKey: z.string().nullable(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: z.record(z.string(), z.string()),
    body: z.string(),
  }),
  response: z
    .object({
      status: z.number().int(),
      statusText: z.string(),
      headers: z.record(z.string(), z.string()),
      body: z.string(),
    })
    .nullable(),
  /** got's phase durations in ms. */
  timings: z
    .object({
      dns: z.number().optional(),
      tcp: z.number().optional(),
      tls: z.number().optional(),
      firstByte: z.number().optional(),
      total: z.number().optional(),
    })
    .nullable(),
  error: z.object({ reason: z.string(), message: z.string() }).nullable(),
  correlation: z.record(z.string(), z.string()),
})

/** One send with its one attempt: headers as pairs, bodies as raw bodies, credentials masked. */
function fromFirstRelease(data: Record<string, unknown>): Record<string, unknown> {
  const old = firstReleaseExchange.parse(data)
  const sentAt = new Date(old.startedAt)
  const total = old.timings?.total ?? 0
  const reason = networkFailure.shape.reason.safeParse(old.error?.reason)
  const attempt: Attempt = {
    attempt: old.attempt,
    state: old.response ? 'answered' : 'failed',
    request: {
      method: old.request.method,
      url: old.request.url,
      headers: maskHeaderPairs(headerPairs(old.request.headers)),
      body: toRawBody(old.request.body),
      at: preciseIso(sentAt),
    },
    response: old.response && {
      status: old.response.status,
      statusText: old.response.statusText,
      headers: maskHeaderPairs(headerPairs(old.response.headers)),
      body: toRawBody(old.response.body),
      at: preciseIso(new Date(sentAt.getTime() + total)),
    },
    timings: old.timings && {
      dns: old.timings.dns,
      connect: old.timings.tcp,
      tls: old.timings.tls,
      firstByte: old.timings.firstByte,
      total,
    },
    error: old.error && {
      reason: reason.success ? reason.data : 'network',
      message: old.error.message,
    },
    retry: null,
  }
  const exchange: Omit<Exchange, 'kind'> & { kind: string } = {
    id: old.id,
    kind: old.kind,
    startedAt: old.startedAt,
    state: 'done',
    profileId: old.profileId,
    idempotencyKey: old.idempotencyKey,
    authorization: 'profile',
    attempts: [attempt],
    correlation: old.correlation,
  }
  return exchange
}

export const EXCHANGE_MIGRATIONS: Migration[] = [
  { to: 1, describe: 'one exchange per send, with raw records', up: fromFirstRelease },
]
