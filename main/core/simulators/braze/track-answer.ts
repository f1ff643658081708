import type { TrackProblem } from '../../braze/users-track/track-problems'
import { MAX_INPUT_LENGTH_EXCEEDED, NO_VALID_DATA, type TrackError } from './error-bodies'

export interface TrackRefusal {
  message: string
  errors?: TrackError[]
}

/** The `errors` entries of Braze's answer: one per skipped object (braze.md §5.4). */
export function trackErrors(problems: readonly TrackProblem[]): TrackError[] {
  return problems.flatMap((problem) =>
    problem.effect === 'object' && problem.object
      ? [{ type: problem.message, input_array: problem.object.array, index: problem.object.index }]
      : [],
  )
}

/**
 * Braze's 400 body when the first request-level problem refuses the whole request, or null.
 * Only "nothing valid" lists the skipped objects; a malformed array says nothing more (§5.4).
 */
export function trackRefusal(problems: readonly TrackProblem[]): TrackRefusal | null {
  const fatal = problems.find((problem) => problem.effect === 'request')
  if (!fatal) return null
  if (fatal.code === 'too-many-objects') return MAX_INPUT_LENGTH_EXCEEDED
  const errors = fatal.code === 'no-valid-data' ? trackErrors(problems) : []
  return errors.length > 0 ? { message: NO_VALID_DATA, errors } : { message: NO_VALID_DATA }
}
