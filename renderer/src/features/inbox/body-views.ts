import { parse, stringify } from 'lossless-json'
import type { RawBody } from '../../../../shared/contract'

/** The body's bytes, decoded from the record (UTF-8 text or base64). */
export function bodyBytes(body: RawBody): Uint8Array {
  if (body.encoding === 'utf8') return new TextEncoder().encode(body.data)
  const binary = atob(body.data)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Bytes shown per hex line, and at most this many bytes in the hex view (it is a DOM text node). */
const HEX_WIDTH = 16
export const HEX_LIMIT = 64 * 1024

/**
 * A classic hex dump: offset, 16 bytes in hex, and their printable ASCII, e.g.
 * `00000000  7b 22 61 22 3a 20 ff fe  00 …  |{"a": ...|`.
 */
export function hexDump(bytes: Uint8Array, limit = HEX_LIMIT): string {
  const lines: string[] = []
  const end = Math.min(bytes.length, limit)
  for (let offset = 0; offset < end; offset += HEX_WIDTH) {
    const row = bytes.subarray(offset, Math.min(offset + HEX_WIDTH, end))
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0'))
    const left = hex.slice(0, 8).join(' ')
    const right = hex.slice(8).join(' ')
    const ascii = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.'))
    lines.push(
      `${offset.toString(16).padStart(8, '0')}  ${left.padEnd(23)}  ${right.padEnd(23)}  |${ascii.join('')}|`,
    )
  }
  return lines.join('\n')
}

/**
 * JSON re-indented for reading, numbers kept digit for digit (a 19-digit Zendesk id must not turn
 * into a rounded double on screen). Undefined when the text is not JSON.
 */
export function prettyJson(text: string): string | undefined {
  try {
    return stringify(parse(text), null, 2)
  } catch {
    return undefined
  }
}

/** Form fields in order, duplicates kept (`a=1&a=2` is two rows). */
export function formFields(text: string): Array<[string, string]> {
  return [...new URLSearchParams(text).entries()]
}

/** The lines of a body, with the 0-based index of the line holding `offset`, for error markers. */
export function linesAround(text: string, line: number): { lines: string[]; index: number } {
  const lines = text.split(/\r?\n/)
  return { lines, index: Math.min(Math.max(line - 1, 0), lines.length - 1) }
}
