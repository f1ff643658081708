import { createHash } from 'node:crypto'
import {
  diffOptions,
  type BodyDiff,
  type DiffMessage,
  type DiffOptions,
  type MessageDiff,
  type ResolvedDiffOptions,
} from '../../../shared/contract/diffs'
import type { RawBody } from '../../../shared/contract/raw-http'
import { findTooDeepJson, nestedTooDeeply } from '../../../shared/security/json-nesting'
import { maskedRawBody } from '../net/raw-record'
import { diffHeaders, type HeaderNote } from './header-diff'
import { ignoreRules, type PathMatcher } from './ignore-rules'
import { diffJson } from './json-diff'
import { diffText } from './text-diff'

/** Bodies past this size (each side) are compared by size and digest only. */
export const MAX_DIFF_BODY_BYTES = 8 * 1024 * 1024

export interface MessageDiffInput {
  left: DiffMessage
  right: DiffMessage
  options?: DiffOptions
  /** What the caller knows about a header that masked values hide (a replaced credential). */
  headerNotes?: HeaderNote[]
  /** Said first among the notes (where each side came from, what the caller could not do). */
  notes?: string[]
}

/**
 * Compares two HTTP messages: start line, headers (by name, any case) and body (JSON
 * structurally, other text by line, binary by digest). A pure function of plain data, so it can
 * run in a worker: it reads no clock, file or network.
 */
export function diffMessages(input: MessageDiffInput): MessageDiff {
  const options = diffOptions.parse(input.options ?? {})
  const rules = ignoreRules(options)
  // A diff is shown and exported like any screen: credential-named body fields never in it.
  const left = maskedMessage(input.left)
  const right = maskedMessage(input.right)
  const headers = diffHeaders(left.headers, right.headers, rules.headers, input.headerNotes)
  const notes = [...(input.notes ?? [])]
  const body = diffBodies(left, right, options, rules.paths, notes)
  const startLineChanged = left.startLine !== right.startLine
  return {
    left: { label: left.label, startLine: left.startLine },
    right: { label: right.label, startLine: right.startLine },
    startLineChanged,
    headers,
    body: body.diff,
    identical: !startLineChanged && headers.changed === 0 && body.identical,
    notes,
  }
}

function maskedMessage(message: DiffMessage): DiffMessage {
  const body = maskedRawBody(message.body, message.headers)
  return body === message.body ? message : { ...message, body }
}

function diffBodies(
  left: DiffMessage,
  right: DiffMessage,
  options: ResolvedDiffOptions,
  ignore: PathMatcher,
  notes: string[],
): { diff: BodyDiff; identical: boolean } {
  for (const [side, message] of [
    ['left', left],
    ['right', right],
  ] as const) {
    if (message.body.truncated)
      notes.push(
        `The ${side} body was cut at ${message.body.data.length.toLocaleString('en-US')} of ${message.body.size.toLocaleString('en-US')} bytes when it was recorded: only the kept part is compared.`,
      )
  }
  if (left.body.size > MAX_DIFF_BODY_BYTES || right.body.size > MAX_DIFF_BODY_BYTES) {
    notes.push(
      `A body is over ${MAX_DIFF_BODY_BYTES / 1024 / 1024} MB: only the sizes and digests are compared.`,
    )
    return binary(left.body, right.body, 'too-large')
  }
  if (left.body.encoding === 'base64' || right.body.encoding === 'base64') {
    notes.push('A body is not UTF-8 text: the bytes are compared by size and SHA-256 digest.')
    return binary(left.body, right.body, 'binary')
  }
  const a = readStructured(left, 'left', notes)
  const b = readStructured(right, 'right', notes)
  if (a.ok && b.ok) {
    const result = diffJson(a.value, b.value, options, ignore)
    notes.push(...result.notes)
    return { diff: result.body, identical: result.identical }
  }
  if (a.ok !== b.ok && (a.kind === 'json' || b.kind === 'json'))
    notes.push(
      `The ${a.ok ? 'right' : 'left'} body is not JSON, so the bodies are compared line by line.`,
    )
  const text = diffText(left.body.data, right.body.data)
  if (!text) {
    notes.push('The bodies have too many distinct lines for a line diff: compared by digest.')
    return binary(left.body, right.body, 'too-large')
  }
  return { diff: text, identical: text.inserted === 0 && text.deleted === 0 }
}

type Structured =
  | { ok: true; kind: 'json' | 'form'; value: unknown }
  | { ok: false; kind: 'json' | 'form' | 'text' }

/** The body as data: JSON when it says or looks so, form fields when it is form-encoded. */
function readStructured(message: DiffMessage, side: string, notes: string[]): Structured {
  const type = contentType(message)
  const text = message.body.data
  if (type.includes('x-www-form-urlencoded'))
    return { ok: true, kind: 'form', value: formFields(text) }
  const looksJson = type.includes('json') || /^\s*[[{]/.test(text)
  if (!looksJson || text.trim() === '') return { ok: false, kind: 'text' }
  const deep = findTooDeepJson(text)
  if (deep) {
    notes.push(
      `The ${side} body is ${nestedTooDeeply()} at line ${deep.line}: compared line by line.`,
    )
    return { ok: false, kind: 'json' }
  }
  try {
    return { ok: true, kind: 'json', value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false, kind: 'json' }
  }
}

function contentType(message: DiffMessage): string {
  return (
    message.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? ''
  ).toLowerCase()
}

/** Form fields as an object; a repeated field becomes a list of its values, in order. */
function formFields(text: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = Object.create(null) as Record<
    string,
    string | string[]
  >
  for (const [key, value] of new URLSearchParams(text)) {
    const seen = fields[key]
    fields[key] =
      seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value]
  }
  return { ...fields }
}

function binary(
  left: RawBody,
  right: RawBody,
  mode: 'binary' | 'too-large',
): { diff: BodyDiff; identical: boolean } {
  const leftSha256 = digest(left)
  const rightSha256 = digest(right)
  const identical = leftSha256 === rightSha256 && left.size === right.size
  const diff: BodyDiff =
    mode === 'binary'
      ? { mode, leftSize: left.size, rightSize: right.size, leftSha256, rightSha256 }
      : { mode, leftSize: left.size, rightSize: right.size }
  return { diff, identical }
}

function digest(body: RawBody): string {
  return createHash('sha256')
    .update(Buffer.from(body.data, body.encoding === 'utf8' ? 'utf8' : 'base64'))
    .digest('hex')
}
