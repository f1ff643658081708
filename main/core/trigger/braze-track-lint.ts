import { checkTrackBody } from '../braze/users-track/track-validation'

/** A `/users/track` problem at a JSON path of the rendered body. */
export interface TrackBodyProblem {
  /** e.g. `attributes[0].external_id`; `` is the body itself. */
  path: string
  severity: 'error' | 'warning'
  code: string
  message: string
  fix: string
}

/**
 * The one place the trigger body meets Braze's `/users/track` pre-flight rules
 * (https://www.braze.com/docs/api/endpoints/user_data/post_user_track/). It reads the request
 * check the simulated Braze answers with (75 objects per array).
 */
export function brazeTrackProblems(body: unknown): TrackBodyProblem[] {
  return checkTrackBody(body, { maxObjectsPerArray: 75 }).problems.map((problem) => ({
    path: problem.path,
    severity: problem.severity,
    code: problem.code,
    message: problem.message,
    fix: problem.fix,
  }))
}
