import type { RawBody, RawHeaders } from '../../../shared/contract/raw-http'
import { maskBodyIfSecret } from '../../../shared/security/masking'

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * A body as the raw record keeps it: text when the bytes are valid UTF-8, base64 otherwise.
 * `keep` bytes at most are stored (the rest is counted in `size` and flagged `truncated`).
 */
export function toRawBody(bytes: Uint8Array | string, keep = Infinity): RawBody {
  // A view, not a copy: the bytes are only read (decoded, or encoded as base64).
  const buffer =
    typeof bytes === 'string'
      ? Buffer.from(bytes, 'utf8')
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const truncated = buffer.length > keep
  const kept = truncated ? buffer.subarray(0, keep) : buffer
  try {
    return { encoding: 'utf8', data: strictUtf8.decode(kept), size: buffer.length, truncated }
  } catch {
    return { encoding: 'base64', data: kept.toString('base64'), size: buffer.length, truncated }
  }
}

/** The stored bytes of a body (all of it unless it was truncated). */
export function rawBodyBytes(body: RawBody): Buffer {
  return Buffer.from(body.data, body.encoding === 'utf8' ? 'utf8' : 'base64')
}

/** Node's flat `rawHeaders` (`[name, value, name, value…]`) as ordered pairs. */
export function pairHeaders(flat: readonly string[]): RawHeaders {
  const pairs: RawHeaders = []
  for (let i = 0; i + 1 < flat.length; i += 2)
    pairs.push([flat[i] as string, flat[i + 1] as string])
  return pairs
}

/** Pairs from a header record, in the record's order (for requests Bridgebench builds itself). */
export function headerPairs(headers: Readonly<Record<string, string>>): RawHeaders {
  return Object.entries(headers)
}

/** The first value of a header, compared case-insensitively, as HTTP names are. */
export function headerValue(headers: RawHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase()
  // Names of another length are skipped before any lower-casing: a capture asks for a dozen
  // headers, and each toLowerCase of a mixed-case name is a new string.
  for (const [n, value] of headers) {
    if (n.length === wanted.length && (n === wanted || n.toLowerCase() === wanted)) return value
  }
  return undefined
}

/** A text body with its credential-named fields masked (by its Content-Type); others as they are. */
export function maskedRawBody(body: RawBody, headers: RawHeaders): RawBody {
  if (body.encoding !== 'utf8') return body
  const data = maskBodyIfSecret(body.data, headerValue(headers, 'content-type') ?? '')
  return data === body.data ? body : { ...body, data }
}

/** ISO 8601 UTC with microseconds, from a clock reading and an optional sub-millisecond part. */
export function preciseIso(at: Date, microsWithinMs = 0): string {
  const iso = at.toISOString()
  const micros = String(Math.max(0, Math.min(999, Math.floor(microsWithinMs)))).padStart(3, '0')
  return `${iso.slice(0, -1)}${micros}Z`
}
