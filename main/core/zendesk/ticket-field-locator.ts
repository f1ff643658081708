import { findNodeAtLocation, parseTree } from 'jsonc-parser'
import { findTooDeepJson } from '../../../shared/security/json-nesting'
import type { FieldLocator } from './ticket-answer'

/**
 * Finds where a ticket field (as Zendesk names it in 422 details) sits in a rendered body, or the
 * "ticket" object when the field is missing, then asks `position` which template character wrote
 * it.
 */
export function ticketFieldLocator(
  body: string,
  position: (offset: number) => { line: number; column: number } | null,
): FieldLocator {
  // Locating is a nicety: a body too deep for a parse tree just gets no positions.
  const tree = findTooDeepJson(body) ? undefined : parseTree(body)
  return (field) => {
    if (!tree) return undefined
    const aliases: Record<string, string[]> = {
      requester: ['requester', 'requester_id'],
      comment: ['comment', 'description'],
    }
    for (const key of aliases[field] ?? [field]) {
      const node = findNodeAtLocation(tree, ['ticket', key])
      const where = node?.parent ? position(node.parent.offset) : null
      if (where) return where
    }
    // A missing field (e.g. no comment at all) belongs at the "ticket" object that lacks it.
    const ticket = findNodeAtLocation(tree, ['ticket'])
    return (ticket?.parent ? position(ticket.parent.offset) : null) ?? undefined
  }
}
