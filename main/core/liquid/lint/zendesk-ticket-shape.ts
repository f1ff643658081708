import { findNodeAtLocation, getNodeValue, type Node } from 'jsonc-parser'
import type { Problem } from '../../../../shared/contract/problems'
import type { CompiledTemplate } from '../compile'
import { problemAt } from '../problem'
import type { Position, SourceMap } from '../source-map'
import { checkJsonBody } from './json-body'
import { parseJson } from './json-syntax'
import { repairedOutput } from './json-strings'
import type { MaskedOutput } from './output-shape'
import { findPlaceholders } from './placeholders'
import { TICKET_FIELD_PATHS, type TicketField, type TicketFieldPath } from './zendesk-ticket-fields'

/** A field as the structural pass found it; strings with stand-ins are rebuilt per user. */
export interface FieldPlan {
  path: TicketFieldPath
  field: TicketField
  /** Raw JSON string content and leaf indexes whose real text goes in their place. */
  parts: Array<string | number> | null
}

/** What a body's structure says, whoever it was rendered for. */
export interface TicketShape {
  problems: Problem[]
  ticketAt: Position | null
  /** Null when there is no ticket object to check (the JSON is beyond repair, or misshapen). */
  fields: FieldPlan[] | null
  /** Problems of the value-only fields, by their values. */
  valueProblems?: Map<string, readonly Problem[]>
}

/**
 * JSON syntax, unescaped values and the ticket's structure. When the JSON is invalid, the
 * fields are read from the body as it would be with the values escaped and the placeholders
 * blanked, so one mistake does not hide the others.
 */
export function analyzeTicketShape(
  masked: MaskedOutput,
  compiled: CompiledTemplate | null,
): TicketShape {
  const { text, locator } = masked
  const { problems, unsafe, tree, errors } = checkJsonBody(masked)
  if (!unsafe) return { problems, ticketAt: null, fields: null }
  const first = errors[0]
  let root = tree
  let body = text
  let map: SourceMap | null = null
  if (first) {
    const blanks = findPlaceholders(text, false).map((p) => ({
      start: p.start,
      end: p.start + p.text.length,
    }))
    const repaired = repairedOutput(text, unsafe, blanks)
    const reparsed = parseJson(repaired.text)
    if (reparsed.errors.length > 0 || !reparsed.tree)
      return { problems, ticketAt: null, fields: null }
    root = reparsed.tree
    body = repaired.text
    map = repaired.map
  }
  if (!root) return { problems, ticketAt: null, fields: null }
  const toMasked = (offset: number) => (map ? map.toOriginal(offset) : offset)
  const locate = (node: Node): Position | null => {
    const offset = toMasked(node.offset + (node.type === 'string' ? 1 : 0))
    const empty =
      node.type === 'string' && node.length === 2 ? locator.emptyOutputBefore(offset) : null
    return empty ?? locator.templatePosition(offset)
  }
  if (root.type !== 'object') {
    problems.push(
      problemAt(
        'error',
        'zendesk-shape',
        locate(root),
        'Zendesk expects a JSON object: {"ticket": {…}}.',
        'Wrap the fields in {"ticket": {…}}.',
      ),
    )
    return { problems, ticketAt: null, fields: null }
  }
  const ticket = findNodeAtLocation(root, ['ticket'])
  if (ticket?.type !== 'object') {
    problems.push(
      problemAt(
        'error',
        'zendesk-shape',
        locate(ticket ?? root),
        'The body has no "ticket" object, so Zendesk rejects it.',
        'Put the fields inside {"ticket": {…}}.',
      ),
    )
    return { problems, ticketAt: null, fields: null }
  }
  const standIns = masked.slots.map((slot) => ({
    at: map ? map.toGenerated(slot.maskedStart) : slot.maskedStart,
    leafIndex: slot.leafIndex,
  }))
  const fields: FieldPlan[] = []
  for (const path of TICKET_FIELD_PATHS) {
    const node = findNodeAtLocation(ticket, path.split('.'))
    if (!node) continue
    const field: TicketField = {
      type: node.type,
      value: getNodeValue(node) as unknown,
      position: locate(node),
      origin: assignmentOrigin(masked, compiled, toMasked(node.offset + 1)),
    }
    fields.push({
      path,
      field,
      parts: node.type === 'string' ? stringParts(body, node, standIns) : null,
    })
  }
  return { problems, ticketAt: locate(ticket), fields }
}

/** The raw content of a string node, split where a stand-in sits; null if there is none. */
function stringParts(
  body: string,
  node: Node,
  standIns: Array<{ at: number; leafIndex: number }>,
): Array<string | number> | null {
  const start = node.offset + 1
  const end = node.offset + node.length - 1
  const inside = standIns.filter((s) => s.at >= start && s.at < end && body[s.at] === 'x')
  if (inside.length === 0) return null
  const parts: Array<string | number> = []
  let p = start
  for (const standIn of inside) {
    parts.push(body.slice(p, standIn.at), standIn.leafIndex)
    p = standIn.at + 1
  }
  parts.push(body.slice(p, end))
  return parts
}

/** " (set on line 7: {% assign ticket_status = 'New' %})" when a plain variable printed the value. */
function assignmentOrigin(
  masked: MaskedOutput,
  compiled: CompiledTemplate | null,
  offset: number,
): string {
  const segment = masked.locator.segmentAt(offset)
  if (!compiled || segment?.kind !== 'output') return ''
  const variable = /^\{\{-?\s*([A-Za-z_][\w-]*)\s*-?\}\}$/.exec(
    masked.locator.pieceSource(segment),
  )?.[1]
  if (!variable) return ''
  const assign = new RegExp(`\\{%-?\\s*assign\\s+${variable}\\s*=[^%]*%\\}`).exec(compiled.source)
  if (!assign) return ''
  return ` (set on line ${compiled.lines.position(assign.index).line}: ${assign[0]})`
}
