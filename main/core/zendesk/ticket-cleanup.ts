import type { ExchangeStore } from '../captures/exchange-store'
import { recordExchange } from '../net/exchange-recorder'
import type { HttpClient } from '../net/http-request'
import { retryingSend } from '../net/retrying-send'

/** `destroy_many` takes at most 100 ids (zendesk.md §4.1). */
export const DESTROY_MANY_LIMIT = 100

export interface CleanupProgress {
  done: number
  total: number
}

export interface CleanupChunkResult {
  ids: number[]
  ok: boolean
  message: string
  jobStatus?: string
}

export interface CleanupResult {
  deleted: number[]
  failed: Array<{ ids: number[]; message: string }>
  chunks: CleanupChunkResult[]
}

export interface CleanupDeps {
  http: HttpClient
  exchanges: Pick<ExchangeStore, 'newId' | 'save'>
  now: () => Date
}

interface JobStatusBody {
  job_status?: { id?: string; status?: string; message?: string }
  error?: string
  description?: string
}

/**
 * Deletes test tickets in chunks of 100, reporting progress after each chunk; a failing chunk
 * does not stop the others, and the result says exactly which ids were not deleted and why.
 * Each DELETE is kept as a `zendesk-ticket-delete` exchange, as sends are. Not retried: a
 * refused chunk is reported, and the user runs the cleanup again.
 */
export async function deleteTickets(
  deps: CleanupDeps,
  options: {
    profileId: string
    baseUrl: string
    authorization: string
    ids: number[]
    onProgress?: (progress: CleanupProgress) => void
    timeoutMs?: number
  },
): Promise<CleanupResult> {
  const result: CleanupResult = { deleted: [], failed: [], chunks: [] }
  const ids = [...new Set(options.ids)]
  for (let start = 0; start < ids.length; start += DESTROY_MANY_LIMIT) {
    const chunk = ids.slice(start, start + DESTROY_MANY_LIMIT)
    const outcome = await deleteChunk(deps, options, chunk)
    result.chunks.push(outcome)
    if (outcome.ok) result.deleted.push(...chunk)
    else result.failed.push({ ids: chunk, message: outcome.message })
    options.onProgress?.({ done: Math.min(start + chunk.length, ids.length), total: ids.length })
  }
  return result
}

async function deleteChunk(
  deps: CleanupDeps,
  options: { profileId: string; baseUrl: string; authorization: string; timeoutMs?: number },
  ids: number[],
): Promise<CleanupChunkResult> {
  const single = ids.length === 1
  const url = single
    ? `${options.baseUrl}/api/v2/tickets/${ids[0]}.json`
    : `${options.baseUrl}/api/v2/tickets/destroy_many.json?ids=${ids.join(',')}`
  const startedAt = deps.now()
  const recorder = recordExchange(
    {
      id: deps.exchanges.newId(startedAt),
      kind: 'zendesk-ticket-delete',
      startedAt: startedAt.toISOString(),
      state: 'pending',
      profileId: options.profileId,
      idempotencyKey: null,
      authorization: 'profile',
      attempts: [],
      correlation: single ? { ticketId: String(ids[0]) } : { ticketIds: ids.join(',') },
    },
    (record) => deps.exchanges.save(record),
  )
  const { outcome } = await retryingSend({
    client: deps.http,
    request: () => ({
      method: 'DELETE',
      url,
      headers: [
        ['accept', 'application/json'],
        ['authorization', options.authorization],
      ],
      timeoutMs: options.timeoutMs ?? 30_000,
    }),
    policy: () => null,
    maxAttempts: 1,
    maxWaitSeconds: 0,
    now: deps.now,
    recorder,
  })
  await recorder.finish()
  if (outcome.kind === 'failed') return { ids, ok: false, message: outcome.failure.message }
  const status = outcome.status
  const body = outcome.body.toString('utf8')
  if (status === 204) return { ids, ok: true, message: `Deleted ticket #${ids[0]}.` }
  let parsed: JobStatusBody = {}
  try {
    parsed = JSON.parse(body) as JobStatusBody
  } catch {
    // Leave parsed empty: the status line says enough.
  }
  if (status === 200 && parsed.job_status) {
    const job = parsed.job_status
    const failed = job.status === 'failed' || job.status === 'killed'
    return {
      ids,
      ok: !failed,
      jobStatus: job.status,
      message: failed
        ? `Zendesk's deletion job failed: ${job.message ?? 'no reason given'}.`
        : `Deletion of ${ids.length} tickets accepted (job ${job.id ?? '?'} ${job.status ?? 'queued'}).`,
    }
  }
  const said = parsed.description ?? parsed.error ?? `HTTP ${status}`
  const hint =
    status === 404
      ? ' Some of these tickets no longer exist (already deleted?).'
      : status === 429
        ? ' Zendesk allows 400 deletions a minute; wait and retry.'
        : status === 403
          ? ' Deleting needs an admin, or an agent allowed to delete tickets.'
          : ''
  return {
    ids,
    ok: false,
    message: `Zendesk did not delete ${ids.length === 1 ? `#${ids[0]}` : `these ${ids.length} tickets`}: ${said}.${hint}`,
  }
}
