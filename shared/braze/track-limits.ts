import { z } from 'zod'

/**
 * How many objects one `/users/track` request may hold before Braze refuses it whole with
 * `400 Max Input Length Exceeded` (https://www.braze.com/docs/api/api_limits/): by default 75
 * across the three arrays combined (`per: 'request'`); older contracts allow 75 in each array
 * (`per: 'array'`, 225 in all); some (monthly-active-user) contracts allow 50 combined.
 * The limit is the workspace's, so it is a profile setting.
 */
export const trackObjectLimit = z.object({
  max: z.number().int().min(1).max(1_000),
  per: z.enum(['request', 'array']),
})
export type TrackObjectLimit = z.infer<typeof trackObjectLimit>

export const DEFAULT_TRACK_OBJECT_LIMIT: TrackObjectLimit = { max: 75, per: 'request' }

/** Braze caps a `/users/track` request body at 4 MB (answered 413 or 400 above it). */
export const TRACK_MAX_BODY_BYTES = 4 * 1024 * 1024
