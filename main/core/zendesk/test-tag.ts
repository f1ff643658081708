export const TEST_TAG = 'bridgebench_test'

/**
 * Adds the `bridgebench_test` tag so test tickets are easy to find and clean up. It changes the
 * body Braze would send, so it is off by default and the caller shows `change` to the user.
 */
export function addTestTag(body: string): { body: string; change: string } {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return { body, change: 'Not tagged: the body is not valid JSON, so it was sent unchanged.' }
  }
  const ticket = (parsed as { ticket?: { tags?: unknown } }).ticket
  if (!ticket || typeof ticket !== 'object') {
    return {
      body,
      change: 'Not tagged: the body has no "ticket" object, so it was sent unchanged.',
    }
  }
  const tags: unknown[] = Array.isArray(ticket.tags)
    ? (ticket.tags as unknown[]).filter((t) => t !== TEST_TAG)
    : []
  ticket.tags = [...tags, TEST_TAG]
  return {
    body: JSON.stringify(parsed),
    change: `Added "${TEST_TAG}" to ticket.tags; the body was re-serialised as compact JSON (whitespace differs from the template).`,
  }
}
