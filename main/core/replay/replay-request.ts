import { patch as applyJsonPatch } from 'jsondiffpatch/formatters/jsonpatch'
import type { Capture } from '../../../shared/contract/captures'
import type { AuthorizationSource } from '../../../shared/contract/exchanges'
import type { RawHeaders } from '../../../shared/contract/raw-http'
import type { ReplayEdit } from '../../../shared/contract/replay'
import { isSecretHeader } from '../../../shared/security/masking'
import { HOP_BY_HOP_HEADERS } from '../diff/ignore-rules'
import { rawBodyBytes } from '../net/raw-record'
import {
  SIGNATURE_HEADER,
  SIGNATURE_TIMESTAMP_HEADER,
  signZendeskWebhook,
} from '../zendesk/webhook-signature'

// TO FOLD: the header rules (hop-by-hop and Host dropped, Authorization swapped in place,
// unsealed credentials) repeat the forward branch's forwardHeaders
// (main/core/forward/forward-request.ts); build on it once it is on main, keeping edits and re-signing here.

/** Dropped from every replay: hop-by-hop headers (RFC 9110 §7.6.1), Host and Content-Length, which the client writes for the new connection and body. */
const NOT_REPLAYED = new Set([...HOP_BY_HOP_HEADERS, 'content-length'])

/** How the replay is authorised, already resolved to values. */
export type ReplayCredential =
  /** Send this Authorization value (the profile's Braze key as `Bearer …`). */
  | { source: 'profile'; authorization: string }
  /** The captured header lines with their credentials decrypted. */
  | { source: 'capture'; headers: RawHeaders }
  | { source: 'none' }

export interface ReplayRequestInput {
  capture: Capture
  url: string
  credential: ReplayCredential
  edit?: ReplayEdit
  /** Re-sign as Zendesk does, after any edit, with this secret and timestamp. */
  resign?: { secret: string; timestamp: string }
}

export interface ReplayRequest {
  method: string
  url: string
  headers: RawHeaders
  body: Buffer
  authorization: AuthorizationSource
}

export class ReplayBuildError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ReplayBuildError'
  }
}

/**
 * The request a replay sends: the captured method, header lines (order and case kept) and body
 * bytes, minus what belongs to the old connection, with the credential chosen, the edits
 * applied, and a fresh signature when asked.
 */
export function buildReplayRequest(input: ReplayRequestInput): ReplayRequest {
  const { capture, credential } = input
  if (capture.request.body.truncated) {
    throw new ReplayBuildError(
      `Capture ${capture.id} kept only the first ${capture.request.body.data.length} of ${capture.request.body.size} bytes of its body (it was over the receiver's limit): replaying it would send a partial body.`,
    )
  }
  const captured = credential.source === 'capture' ? credential.headers : capture.request.headers
  let headers: RawHeaders = captured.filter(([name]) => !NOT_REPLAYED.has(name.toLowerCase()))
  headers = withCredential(headers, credential, capture.id)
  headers = editHeaders(headers, input.edit?.headers)
  const body = editBody(rawBodyBytes(capture.request.body), input.edit?.body)
  if (input.resign) headers = resigned(headers, body, input.resign)
  return {
    method: capture.request.method,
    url: input.url,
    headers,
    body,
    authorization: credential.source,
  }
}

function withCredential(
  headers: RawHeaders,
  credential: ReplayCredential,
  captureId: string,
): RawHeaders {
  if (credential.source === 'capture') {
    const masked = headers.find(([name, value]) => isSecretHeader(name) && value.includes('••••'))
    if (masked) {
      throw new ReplayBuildError(
        `Capture ${captureId}'s ${masked[0]} header was only kept masked (it is not in this inbox, or secret storage was locked when it arrived): replay it with the profile's key instead.`,
      )
    }
    return headers
  }
  const at = headers.findIndex(([name]) => name.toLowerCase() === 'authorization')
  const name = headers[at]?.[0] ?? 'Authorization'
  const kept = headers.filter(([header]) => !isSecretHeader(header))
  if (credential.source === 'none') return kept
  const line: [string, string] = [name, credential.authorization]
  // The new credential takes the old one's place, so the order still reads as captured.
  const position =
    at < 0 ? kept.length : headers.slice(0, at).filter(([h]) => !isSecretHeader(h)).length
  return [...kept.slice(0, position), line, ...kept.slice(position)]
}

function editHeaders(headers: RawHeaders, edit: ReplayEdit['headers']): RawHeaders {
  if (!edit) return headers
  const removed = new Set((edit.remove ?? []).map((name) => name.toLowerCase()))
  let out = headers.filter(([name]) => !removed.has(name.toLowerCase()))
  for (const [name, value] of edit.set ?? []) out = setHeader(out, name, value)
  return out
}

/** Replaces every line of `name` (any case) with one line at the first one's place, or appends it. */
function setHeader(headers: RawHeaders, name: string, value: string): RawHeaders {
  const key = name.toLowerCase()
  const at = headers.findIndex(([n]) => n.toLowerCase() === key)
  if (at < 0) return [...headers, [name, value]]
  const existing = headers[at]?.[0] ?? name
  return headers.flatMap(([n, v], i): RawHeaders => {
    if (n.toLowerCase() !== key) return [[n, v]]
    return i === at ? [[existing, value]] : []
  })
}

function editBody(bytes: Buffer, edit: NonNullable<ReplayEdit['body']> | undefined): Buffer {
  if (!edit) return bytes
  if ('text' in edit) return Buffer.from(edit.text, 'utf8')
  let document: unknown
  try {
    document = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw new ReplayBuildError(
      'The captured body is not JSON, so JSON Patch operations cannot edit it: give the new body as text.',
    )
  }
  edit.jsonPatch.forEach((op, index) => {
    try {
      applyJsonPatch(document, [op])
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error)
      throw new ReplayBuildError(
        `JSON Patch operation ${index + 1} (${op.op} ${op.path}) does not apply to the captured body: ${why.slice(0, 200)}`,
      )
    }
  })
  return Buffer.from(JSON.stringify(document), 'utf8')
}

/** Zendesk's two signature headers, replaced in place (case kept) or added. */
function resigned(
  headers: RawHeaders,
  body: Buffer,
  resign: { secret: string; timestamp: string },
): RawHeaders {
  const signature = signZendeskWebhook({ secret: resign.secret, timestamp: resign.timestamp, body })
  const withTimestamp = setHeader(headers, SIGNATURE_TIMESTAMP_HEADER, resign.timestamp)
  return setHeader(withTimestamp, SIGNATURE_HEADER, signature)
}
