import { applyEdits, findNodeAtLocation, modify, parseTree, type ParseError } from 'jsonc-parser'

export const TEST_TAG = 'bridgebench_test'

export interface TaggedBody {
  /** What is sent: the body with the tag added, or the body unchanged (see change). */
  body: string
  /** What happened to the body, for the user: it is not what Braze would send. */
  change: string
}

/**
 * Adds the `bridgebench_test` tag so test tickets are easy to find and clean up. Only the tag is
 * inserted — into `ticket.tags` when it exists, as a new last field of `ticket` otherwise — and
 * every other byte stays as rendered, so the preview can show exactly what is sent. Off by
 * default: it changes the body Braze would send.
 */
export function addTestTag(body: string): TaggedBody {
  const errors: ParseError[] = []
  const root = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false })
  if (!root || errors.length > 0) {
    return { body, change: 'Not tagged: the body is not valid JSON, so it goes out unchanged.' }
  }
  const ticket = findNodeAtLocation(root, ['ticket'])
  if (ticket?.type !== 'object') {
    return {
      body,
      change: 'Not tagged: the body has no "ticket" object, so it goes out unchanged.',
    }
  }
  const tags = findNodeAtLocation(ticket, ['tags'])
  if (tags && tags.type !== 'array') {
    return {
      body,
      change: 'Not tagged: ticket.tags is not a list, so the body goes out unchanged.',
    }
  }
  if (tags?.children?.some((tag) => tag.value === TEST_TAG)) {
    return { body, change: `Already tagged "${TEST_TAG}": the body goes out unchanged.` }
  }
  const edits = tags
    ? modify(body, ['ticket', 'tags', -1], TEST_TAG, { isArrayInsertion: true })
    : modify(body, ['ticket', 'tags'], [TEST_TAG], {})
  return {
    body: applyEdits(body, edits),
    change: tags
      ? `Added "${TEST_TAG}" to ticket.tags; the rest of the body is as rendered.`
      : `Added "tags": ["${TEST_TAG}"] to the ticket; the rest of the body is as rendered.`,
  }
}
