import { findNodeAtLocation, type Node } from 'jsonc-parser'
import { jsonTemplateSourceMap, lintTrackBody } from '../braze/users-track/track-lint'
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
 * The one place the trigger body meets Braze's `/users/track` pre-flight rules, the same lint a
 * forward runs (identifiers, an empty external_id, display-case values, `time`, 75 objects per
 * request, 4 MB; https://www.braze.com/docs/api/endpoints/user_data/post_user_track/). Each
 * problem is placed at its template line: where the template writes that JSON path, else where
 * the rendered line came from.
 */
export function brazeTrackProblems(template: string, text: string, tree: Node): TrackBodyProblem[] {
  const { problems } = lintTrackBody(text, { sourceMap: jsonTemplateSourceMap(template) })
  return problems.map((problem) => {
    let line = problem.templateAt?.line ?? null
    if (line === null) {
      const node = nearestNode(tree, pathSegments(problem.path))
      line = node ? templateLineAt(template, text, node.offset) : null
    }
    return {
      path: problem.path,
      severity: problem.severity,
      code: problem.code,
      message: problem.message,
      fix: problem.fix,
      line,
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
