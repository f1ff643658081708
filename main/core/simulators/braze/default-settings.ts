import type { BrazeSimulatorSettings } from '../../../../shared/contract/simulators'

/**
 * Defaults: the documented /users/track limits (braze.md §5.2, and its 2026-11-30 update: 75
 * objects across the three arrays), a key allowed to track and export, and `successStatus` 201 (braze.md §9 Q2: 201 is what the sync page states for async
 * /users/track; clients should accept any 2xx, and the switch lets a receiver be tested with 200).
 */
export function defaultBrazeSettings(): BrazeSimulatorSettings {
  return {
    keyPermissions: ['users.track', 'users.export.ids'],
    rateLimit: { enabled: true, limit: 3_000, windowSeconds: 3 },
    successStatus: 201,
    maxObjects: 75,
    maxObjectsScope: 'combined',
    arrayAttributeLimit: 25,
    faults: { rateLimitedRate: 0, serverErrorRate: 0, serverErrorStatus: 503, latencyMs: 0 },
  }
}
