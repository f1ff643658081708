import { Drop } from 'liquidjs'
import { scalarText } from '../scalar-text'
import { displayDate, VIA_IDS } from './display-values'
import type { PlaceholderComment } from './placeholder-context'

/** A comment prints as its text but also has properties (`.value`, `.author.name`…). */
export class CommentDrop extends Drop {
  readonly id: number
  readonly value: string
  readonly is_public: boolean
  readonly created_at: string
  readonly attachments: never[] = []

  constructor(
    readonly comment: PlaceholderComment,
    /** The author as placeholders show a user; `{}` when unknown. */
    readonly author: Record<string, unknown>,
    readonly ticketId: number,
    readonly accountId: number,
  ) {
    super()
    this.id = comment.id
    this.value = comment.body
    this.is_public = comment.public
    this.created_at = displayDate(comment.createdAt)
  }

  override valueOf(): string {
    return this.comment.body
  }
}

/** A bare collection renders as Ruby `inspect` output, which Pipedream has to regex-parse (§6.3). */
export function rubyInspect(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(rubyInspect).join(', ')}]`
  if (value instanceof CommentDrop) return inspectComment(value)
  if (value === null || value === undefined) return 'nil'
  if (typeof value === 'string') return rubyString(value)
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    return `{${entries.map(([k, v]) => `${rubyString(k)}=>${rubyInspect(v)}`).join(', ')}}`
  }
  return scalarText(value)
}

function inspectComment(drop: CommentDrop): string {
  const { comment } = drop
  const time = rubyTime(comment.createdAt)
  const fields: Array<[string, string]> = [
    ['id', String(comment.id)],
    ['account_id', String(drop.accountId)],
    ['parent_id', 'nil'],
    ['ticket_id', String(drop.ticketId)],
    ['author_id', String(comment.authorId)],
    ['created_at', rubyString(time)],
    ['via_id', String(VIA_IDS[comment.via])],
    ['via_reference_id', 'nil'],
    ['is_public', String(comment.public)],
    ['type', '"Comment"'],
    ['value', rubyString(comment.body)],
    ['value_previous', 'nil'],
    ['value_reference', 'nil'],
    ['updated_at', rubyString(time)],
    ['notification_sent_at', 'nil'],
  ]
  return `#<Comment ${fields.map(([k, v]) => `${k}: ${v}`).join(', ')}>`
}

function rubyTime(date: Date): string {
  const iso = date.toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${iso.slice(20, 23)}000000 +0000`
}

function rubyString(text: string): string {
  return JSON.stringify(text).replace(/#\{/g, '\\#{')
}
