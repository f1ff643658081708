import { z } from 'zod'

/** A place in a text, 1-based. */
export const textPlace = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
})
export type TextPlaceView = z.infer<typeof textPlace>

/** One problem the pre-flight lint of a `/users/track` body found (see lintTrackBody). */
export const trackLintProblem = z.object({
  /** Stable kebab-case: `identifier-required`, `empty-external-id`, `zendesk-display-value`, … */
  code: z.string(),
  /** `error`: Braze refuses the request or skips the object; `warning`: it lands, not as meant. */
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  fix: z.string(),
  /** RFC 6901 JSON pointer into the body, e.g. `/events/0/time`; `` is the body itself. */
  pointer: z.string(),
  /** The same place as people read it, e.g. `events[0].time`; `` is the body itself. */
  path: z.string(),
  /** Where that is in the body text. */
  at: textPlace.nullable(),
  /** Where it is in the trigger (or transform) template, when a template source map was given. */
  templateAt: textPlace.nullable(),
})
export type TrackLintProblem = z.infer<typeof trackLintProblem>
