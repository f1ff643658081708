import { XMLValidator } from 'fast-xml-parser'
import { parse as parseLoose, printParseErrorCode, type ParseError } from 'jsonc-parser'
import type { BodyPosition, ParseStatus } from '../../../shared/contract/captures'
import type { RawBody } from '../../../shared/contract/raw-http'
import { toRawBody } from '../net/raw-record'

/**
 * How a captured body reads, by its content type: JSON (with the first error's line and column),
 * form-encoded, XML (a well-kept validator), text, or bytes that are not UTF-8. A body that does
 * not parse is still kept whole; this only flags it.
 */
export function parseStatus(contentType: string | null, body: Buffer): ParseStatus {
  return rawBodyParseStatus(contentType, toRawBody(body))
}

/**
 * The same for a body as the raw record keeps it, already decoded once (base64: not UTF-8), so
 * its text is not decoded again.
 */
export function rawBodyParseStatus(contentType: string | null, body: RawBody): ParseStatus {
  return textStatus(contentType, body.encoding === 'utf8' ? body.data : undefined)
}

function textStatus(contentType: string | null, text: string | undefined): ParseStatus {
  if (text === '') return { kind: 'empty', ok: true, error: null }
  if (text === undefined) {
    return {
      kind: 'binary',
      ok: false,
      error: {
        message: 'The body is not UTF-8 text; it is kept as bytes (shown as hex).',
        at: null,
      },
    }
  }
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (type === 'application/json' || type.endsWith('+json')) return jsonStatus(text)
  if (type === 'application/x-www-form-urlencoded') return formStatus(text)
  if (type === 'application/xml' || type === 'text/xml' || type.endsWith('+xml'))
    return xmlStatus(text)
  if (type === '') {
    const start = text.trimStart()[0]
    if (start === '{' || start === '[') return jsonStatus(text)
    if (start === '<') return xmlStatus(text)
  }
  return { kind: 'text', ok: true, error: null }
}

function jsonStatus(text: string): ParseStatus {
  try {
    JSON.parse(text)
    return { kind: 'json', ok: true, error: null }
  } catch (error) {
    // JSON.parse's message has no stable position across Node versions: ask a tolerant parser
    // where the first problem is.
    const errors: ParseError[] = []
    parseLoose(text, errors, { disallowComments: true, allowTrailingComma: false })
    const first = errors[0]
    const detail = error instanceof Error ? error.message : String(error)
    return {
      kind: 'json',
      ok: false,
      error: first
        ? {
            message: `Not valid JSON: ${describe(printParseErrorCode(first.error))}.`,
            at: positionOf(text, first.offset),
          }
        : { message: `Not valid JSON: ${detail}`, at: null },
    }
  }
}

function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
}

function formStatus(text: string): ParseStatus {
  const bad = /%(?![0-9a-fA-F]{2})/.exec(text)
  if (bad) {
    return {
      kind: 'form',
      ok: false,
      error: {
        message: 'Not valid form encoding: a % is not followed by two hex digits.',
        at: positionOf(text, bad.index),
      },
    }
  }
  return { kind: 'form', ok: true, error: null }
}

function xmlStatus(text: string): ParseStatus {
  const result = XMLValidator.validate(text)
  if (result === true) return { kind: 'xml', ok: true, error: null }
  const { msg, line, col } = result.err
  return {
    kind: 'xml',
    ok: false,
    error: { message: `Not valid XML: ${msg}`, at: offsetOf(text, line, col) },
  }
}

/** 1-based line and column of a 0-based offset. */
export function positionOf(text: string, offset: number): BodyPosition {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1, offset }
}

function offsetOf(text: string, line: number, column: number): BodyPosition {
  let offset = 0
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset)
    if (next < 0) break
    offset = next + 1
  }
  return { line, column, offset: offset + column - 1 }
}
