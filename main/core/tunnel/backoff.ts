/** Capped exponential backoff with jitter, for reconnecting after a drop. */
export interface BackoffPolicy {
  /** The first delay, in ms. */
  initialMs: number
  /** No delay is longer than this, in ms. */
  maxMs: number
  /** In [0, 1): spreads reconnects so many clients do not hammer a server in step. */
  random: () => number
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  initialMs: 1_000,
  maxMs: 30_000,
  random: Math.random,
}

/**
 * The delay before reconnect `attempt` (1-based): doubling from `initialMs` up to `maxMs`, then
 * between half and all of that ("equal jitter"), so the cap is never exceeded.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy): number {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(ceiling / 2 + (ceiling / 2) * policy.random())
}
