import { createHash } from 'node:crypto'

/** Keys expire after 2 hours (§2.1). */
export const IDEMPOTENCY_TTL_MS = 2 * 60 * 60 * 1000
/** Reported maximum key length (§2.1). */
export const IDEMPOTENCY_KEY_MAX = 255

export interface StoredResponse {
  status: number
  body: unknown
  headers: Record<string, string>
}

export type IdempotencyLookup =
  { kind: 'miss' } | { kind: 'hit'; response: StoredResponse } | { kind: 'mismatch' }

interface Entry {
  fingerprint: string
  response: StoredResponse
  expiresAt: number
}

/**
 * `Idempotency-Key` on ticket create (§2.1): the first use is a `miss` and is processed; a replay
 * with the same body is a `hit` answered with the stored 201; the same key with a different body
 * is a `mismatch` (400). Only successful creates are stored, so a corrected retry can still pass.
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>()

  lookup(key: string, body: Buffer, nowMs: number): IdempotencyLookup {
    this.expire(nowMs)
    const entry = this.entries.get(key)
    if (!entry) return { kind: 'miss' }
    return entry.fingerprint === fingerprint(body)
      ? { kind: 'hit', response: entry.response }
      : { kind: 'mismatch' }
  }

  remember(key: string, body: Buffer, response: StoredResponse, nowMs: number): void {
    this.entries.set(key, {
      fingerprint: fingerprint(body),
      response,
      expiresAt: nowMs + IDEMPOTENCY_TTL_MS,
    })
  }

  private expire(nowMs: number): void {
    for (const [key, entry] of this.entries) if (entry.expiresAt <= nowMs) this.entries.delete(key)
  }
}

/** Parameters are compared as parsed JSON where possible, so whitespace differences still match. */
function fingerprint(body: Buffer): string {
  let canonical: string
  try {
    canonical = JSON.stringify(JSON.parse(body.toString('utf8')))
  } catch {
    canonical = body.toString('utf8')
  }
  return createHash('sha256').update(canonical).digest('hex')
}
