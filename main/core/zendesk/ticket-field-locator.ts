import { findNodeAtLocation, parseTree } from 'jsonc-parser'
import { findTooDeepJson } from '../../../shared/security/json-nesting'
import type { FieldLocator } from './ticket-answer'

type Position = { line: number; column: number }

/**
 * Which template position wrote each top-level field of a rendered ticket body, as plain data:
 * it is worked out where the render's trace lives (the worker that rendered) and used where
 * Zendesk's answer arrives.
 */
export interface TicketFieldPositions {
  /** Keyed by the field's name under "ticket": where its `"name": value` pair was written. */
  fields: Record<string, Position>
  /** Where the "ticket" object was written, for a field that is missing from it. */
  ticket: Position | null
}

/**
 * The positions of a rendered body's ticket fields; `position` says which template character
 * wrote an output offset. Null for a body that is not a JSON object with a "ticket" object.
 */
export function ticketFieldPositions(
  body: string,
  position: (offset: number) => Position | null,
): TicketFieldPositions | null {
  // Locating is a nicety: a body too deep for a parse tree just gets no positions.
  const tree = findTooDeepJson(body) ? undefined : parseTree(body)
  const ticket = tree ? findNodeAtLocation(tree, ['ticket']) : undefined
  if (!ticket?.parent) return null
  // No prototype: a field may be called "__proto__" or "constructor".
  const fields = Object.create(null) as Record<string, Position>
  for (const property of ticket.type === 'object' ? (ticket.children ?? []) : []) {
    const key: unknown = property.children?.[0]?.value
    if (typeof key !== 'string' || Object.hasOwn(fields, key)) continue
    const at = position(property.offset)
    if (at) fields[key] = at
  }
  return { fields, ticket: position(ticket.parent.offset) }
}

/** Zendesk names some fields differently in its 422 details than a request body does. */
const ALIASES: Record<string, string[]> = {
  requester: ['requester', 'requester_id'],
  comment: ['comment', 'description'],
}

/**
 * Finds where a ticket field (as Zendesk names it in 422 details) was written, or the "ticket"
 * object when the field is missing from it.
 */
export function fieldLocatorFrom(positions: TicketFieldPositions | null): FieldLocator {
  return (field) => {
    if (!positions) return undefined
    for (const key of ALIASES[field] ?? [field]) {
      const at = Object.hasOwn(positions.fields, key) ? positions.fields[key] : undefined
      if (at) return at
    }
    return positions.ticket ?? undefined
  }
}

/** Both steps at once, where the render's trace is at hand. */
export function ticketFieldLocator(
  body: string,
  position: (offset: number) => Position | null,
): FieldLocator {
  return fieldLocatorFrom(ticketFieldPositions(body, position))
}
