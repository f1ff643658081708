import { findNodeAtLocation, getNodeValue, type Node } from 'jsonc-parser'
import { checkTrackBody } from '../braze/users-track/track-validation'
import { pathSegments, templateLineAt } from './template-lines'

/** A `/users/track` problem of the rendered body, placed in the template. */
export interface TrackBodyProblem {
  /** e.g. `attributes[0].external_id`; `` is the body itself. */
  path: string
  severity: 'error' | 'warning'
  code: string
  message: string
  fix: string
  /** 1-based template line, or null when the place is not found. */
  line: number | null
}

/**
 * The one place the trigger body meets Braze's `/users/track` pre-flight rules
 * (https://www.braze.com/docs/api/endpoints/user_data/post_user_track/). For now it reads the
 * request check the simulated Braze answers with (75 objects per array); the pre-flight lint
 * (display-case values, empty external_id, the 4 MB cap) replaces it here when it is merged.
 */
export function brazeTrackProblems(template: string, text: string, tree: Node): TrackBodyProblem[] {
  return checkTrackBody(getNodeValue(tree), { maxObjectsPerArray: 75 }).problems.map((problem) => {
    const node = nearestNode(tree, pathSegments(problem.path))
    return {
      path: problem.path,
      severity: problem.severity,
      code: problem.code,
      message: problem.message,
      fix: problem.fix,
      line: node ? templateLineAt(template, text, node.offset) : null,
    }
  })
}

/** The node at `segments`, or its nearest ancestor (a missing `time` points at its event). */
function nearestNode(tree: Node, segments: Array<string | number>): Node | undefined {
  for (let length = segments.length; length > 0; length--) {
    const node = findNodeAtLocation(tree, segments.slice(0, length))
    if (node) return node
  }
  return undefined
}
