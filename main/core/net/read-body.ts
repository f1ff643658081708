import type { IncomingMessage } from 'node:http'

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`)
    this.name = 'BodyTooLargeError'
  }
}

/** The client stopped sending before the body was complete (a reset, or a short body). */
export class BodyIncompleteError extends Error {
  constructor(readonly received: number) {
    super(`The request body ended after ${received} bytes, before the length it announced.`)
    this.name = 'BodyIncompleteError'
  }
}

/**
 * Collects a request body, refusing more than `limit` bytes (BodyTooLargeError) and a body the
 * client never finished (BodyIncompleteError): both are the client's mistake, not the server's.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const incomplete = () => reject(new BodyIncompleteError(size))
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.removeAllListeners('data')
        req.resume()
        reject(new BodyTooLargeError(limit))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)))
    req.on('error', incomplete)
    req.on('close', () => {
      if (!req.complete) incomplete()
    })
  })
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false; error: string }

/**
 * Ruby's JSON parser refuses documents nested deeper than 100 (`max_nesting`), and Zendesk is a
 * Rails app; no real Zendesk or Braze body comes near it. Deeper documents would also overflow
 * the stack of any recursive walk over the parsed value.
 */
export const MAX_JSON_DEPTH = 100

/** Keeps a BOM, so a body that starts with one is refused as JSON, as before. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Parses a JSON request body. An empty body parses as `{}`: clients send none on GET and DELETE.
 * Invalid UTF-8 and nesting deeper than `maxDepth` are refused before parsing, with a reason.
 */
export function parseJson(body: Buffer, maxDepth = MAX_JSON_DEPTH): ParsedJson {
  if (body.length === 0) return { ok: true, value: {} }
  let text: string
  try {
    text = UTF8.decode(body)
  } catch {
    return { ok: false, error: 'the body is not valid UTF-8' }
  }
  if (nestedDeeperThan(text, maxDepth))
    return { ok: false, error: `nesting of ${maxDepth + 1} is too deep` }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

/** One pass over the text, counting `{` and `[` outside strings. */
function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (inString) {
      if (code === 0x5c) i++
      else if (code === 0x22) inString = false
    } else if (code === 0x22) inString = true
    else if (code === 0x7b || code === 0x5b) {
      if (++depth > max) return true
    } else if (code === 0x7d || code === 0x5d) depth--
  }
  return false
}
