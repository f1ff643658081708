import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser'

/**
 * A file Bridgebench keeps is not what it should be. The file is left exactly as it is: it may
 * hold the only copy of a user's profiles or captures. The message names the file and says why,
 * without quoting its content (it may be a file the user never meant to show).
 */
export class CorruptDataError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(
      `${file} is not valid Bridgebench data (${detail}). Bridgebench left it untouched and will not overwrite it: fix the file, or move it aside to start that part afresh.`,
    )
    this.name = 'CorruptDataError'
  }
}

/** Parses JSON text, or says where it breaks (line and column) without echoing the text. */
export function parseJsonText(
  text: string,
  parse: (text: string) => unknown = JSON.parse,
): { ok: true; value: unknown } | { ok: false; detail: string } {
  try {
    return { ok: true, value: parse(text) }
  } catch {
    return { ok: false, detail: describeJsonError(text) }
  }
}

function describeJsonError(text: string): string {
  if (text.trim() === '') return 'the file is empty'
  const errors: ParseError[] = []
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false })
  const first = errors[0]
  if (!first) return 'it is not valid JSON'
  if (first.offset + first.length >= text.trimEnd().length)
    return 'it is not valid JSON: it ends too early (cut off?)'
  const before = text.slice(0, first.offset)
  const line = before.split('\n').length
  const column = first.offset - before.lastIndexOf('\n')
  return `it is not valid JSON: ${printParseErrorCode(first.error)} at line ${line}, column ${column}`
}

/** The kind of JSON value, for "expected an object, found …". */
export function jsonKind(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
