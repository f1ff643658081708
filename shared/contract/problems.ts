import { z } from 'zod'

/**
 * Rendering a Braze Liquid template for a sample user, and what is wrong with the result.
 * Positions are 1-based and always refer to the text the user typed (never to any rewrite).
 */

export const problemSeverity = z.enum(['error', 'warning', 'info'])
export type ProblemSeverity = z.infer<typeof problemSeverity>

export const problem = z.object({
  severity: problemSeverity,
  /** Stable kebab-case identifier, e.g. `unknown-filter`, `invalid-json`, `zendesk-status`. */
  code: z.string(),
  message: z.string(),
  /** 1-based line in the original template, or null when the problem has no place in it. */
  line: z.number().int().min(1).nullable(),
  column: z.number().int().min(1).nullable(),
  /** A concrete next step. */
  fix: z.string(),
  /** Absent for the body template; `header:NAME` when the problem is in a header template. */
  source: z.string().optional(),
})
export type Problem = z.infer<typeof problem>
