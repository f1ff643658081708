import { z } from 'zod'
import type { Capture, GivenAnswer, InvocationRef } from '../../../shared/contract/captures'
import type { RawBody, RawHeaders } from '../../../shared/contract/raw-http'
import { maskHeaderPairs, maskUrl } from '../../../shared/security/masking'
import { headerValue, preciseIso, toRawBody } from '../net/raw-record'
import { rawBodyParseStatus } from '../receiver/parse-status'
import { zendeskNextStep } from '../../../shared/zendesk/next-step'

/**
 * HAR files from browsers (Chrome, Firefox), Postman and HTTP Toolkit as captures, to keep as a
 * capture set and replay. Read leniently: exporters differ (Firefox leaves out sizes, HTTP
 * Toolkit merges duplicate headers and leaves out bodies over 40 KB, HTTP/2 exports carry
 * `:authority`-style pseudo-headers), so only what a replay needs is required, and an entry that
 * cannot be used is skipped with its reason rather than failing the file.
 */

const nameValue = z.looseObject({ name: z.string(), value: z.string().default('') })

const importedEntry = z.looseObject({
  startedDateTime: z.string().optional(),
  request: z.looseObject({
    method: z.string().min(1),
    url: z.string(),
    headers: z.array(nameValue).default([]),
    postData: z
      .looseObject({
        mimeType: z.string().optional(),
        text: z.string().optional(),
        params: z
          .array(
            z.looseObject({
              name: z.string(),
              value: z.string().optional(),
              fileName: z.string().optional(),
            }),
          )
          .optional(),
        _base64: z.string().optional(),
      })
      .nullish(),
    bodySize: z.number().optional(),
  }),
  response: z.looseObject({ status: z.number().optional() }).nullish(),
})

const harFile = z.looseObject({
  log: z.looseObject({
    creator: z.looseObject({ name: z.string() }).optional(),
    entries: z.array(z.unknown()),
  }),
})

export interface HarImport {
  captures: Capture[]
  /** Entries left out, by 0-based position, with why. */
  skipped: Array<{ index: number; reason: string }>
  /** The HAR's creator (Chrome, Firefox, HTTP Toolkit, Postman…). */
  creator: string
}

export class InvalidHarError extends Error {
  constructor(why: string) {
    super(
      `This is not a HAR file: ${why}. Export one from the browser's network panel, Postman or HTTP Toolkit.`,
    )
    this.name = 'InvalidHarError'
  }
}

export interface HarImportOptions {
  /** A capture id for an instant (ULIDs: the set's files sort by time). */
  newId: (at: Date) => string
  /** For entries without a readable start time. */
  now: () => Date
}

export function importHar(text: string, options: HarImportOptions): HarImport {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new InvalidHarError(
      `it is not JSON (${error instanceof Error ? error.message : String(error)})`,
    )
  }
  const file = harFile.safeParse(json)
  if (!file.success) throw new InvalidHarError('it has no log.entries list')
  const captures: Capture[] = []
  const skipped: HarImport['skipped'] = []
  file.data.log.entries.forEach((raw, index) => {
    const entry = importedEntry.safeParse(raw)
    if (!entry.success) {
      skipped.push({ index, reason: z.prettifyError(entry.error).split('\n')[0] ?? 'not an entry' })
      return
    }
    const built = captureOf(entry.data, options)
    if ('reason' in built) skipped.push({ index, reason: built.reason })
    else captures.push(built.capture)
  })
  return { captures, skipped, creator: file.data.log.creator?.name ?? 'unknown' }
}

type Entry = z.infer<typeof importedEntry>

function captureOf(
  entry: Entry,
  options: HarImportOptions,
): { capture: Capture } | { reason: string } {
  let url: URL
  try {
    url = new URL(maskUrl(entry.request.url))
  } catch {
    return { reason: `"${entry.request.url.slice(0, 100)}" is not an absolute URL` }
  }
  const body = bodyOf(entry)
  if ('reason' in body) return body
  const headers = requestHeaders(entry.request.headers, url)
  const started = entry.startedDateTime ? new Date(entry.startedDateTime) : undefined
  const at = started && !Number.isNaN(started.getTime()) ? started : options.now()
  const contentType =
    headerValue(headers, 'content-type') ?? entry.request.postData?.mimeType ?? null
  const path = `${url.pathname}${url.search}`
  const invocation = invocationOf(headers)
  const answer = answerOf(entry)
  return {
    capture: {
      id: options.newId(at),
      route: routeOf(path),
      receivedAt: preciseIso(at),
      request: {
        method: entry.request.method.toUpperCase(),
        url: path,
        headers,
        body: body.raw,
        at: preciseIso(at),
      },
      transport: 'direct',
      clientAddress: '',
      contentType,
      parse: body.raw.truncated
        ? {
            kind: 'empty',
            ok: false,
            error: {
              message: `The HAR file left out this ${body.raw.size}-byte body (HTTP Toolkit leaves out bodies over 40 KB).`,
              at: null,
            },
          }
        : rawBodyParseStatus(contentType, body.raw),
      signature: {
        verdict: headerValue(headers, 'x-zendesk-webhook-signature')
          ? 'no secret configured'
          : 'missing',
        secret: null,
        cause: null,
        timestamp: headerValue(headers, 'x-zendesk-webhook-signature-timestamp') ?? null,
        ageSeconds: null,
        warning: null,
      },
      invocation,
      answer,
      next: zendeskNextStep(answer, invocation.attempt),
      flags: body.raw.truncated ? ['oversize'] : [],
      sealedHeaders: [],
    },
  }
}

/** The request's bytes: text, our `_base64`, or form params rebuilt; missing ones marked cut. */
function bodyOf(entry: Entry): { raw: RawBody } | { reason: string } {
  const post = entry.request.postData
  if (post?._base64 !== undefined) return { raw: toRawBody(Buffer.from(post._base64, 'base64')) }
  if (post?.text !== undefined && post.text !== '') return { raw: toRawBody(post.text) }
  if (post?.params && post.params.length > 0) {
    if (post.params.some((param) => param.fileName !== undefined))
      return { reason: 'its multipart body with files cannot be rebuilt from the HAR' }
    const form = new URLSearchParams(
      post.params.map((param): [string, string] => [param.name, param.value ?? '']),
    )
    return { raw: toRawBody(form.toString()) }
  }
  const size = entry.request.bodySize ?? 0
  if (size > 0) return { raw: { encoding: 'utf8', data: '', size, truncated: true } }
  return { raw: toRawBody('') }
}

/**
 * The header lines as exported, credentials masked; an HTTP/2 export's `:authority` stands for
 * Host, and its other pseudo-headers (`:method`, `:path`, `:scheme`) are in the request line.
 */
function requestHeaders(
  pairs: ReadonlyArray<{ name: string; value: string }>,
  url: URL,
): RawHeaders {
  const headers: RawHeaders = []
  for (const { name, value } of pairs) {
    if (name === ':authority') headers.push(['host', value])
    else if (!name.startsWith(':')) headers.push([name, value])
  }
  if (!headerValue(headers, 'host')) headers.unshift(['Host', url.host])
  return maskHeaderPairs(headers)
}

function answerOf(entry: Entry): GivenAnswer {
  const status = entry.response?.status
  const answered = status !== undefined && status > 0
  return {
    status: answered ? status : null,
    retryAfterSeconds: null,
    delayMs: 0,
    closed: !answered,
    reason: answered
      ? `Imported from a HAR file: the original server answered ${status}.`
      : 'Imported from a HAR file: the request got no answer there.',
  }
}

/** Zendesk's delivery headers, when the request came from a Zendesk webhook. */
function invocationOf(headers: RawHeaders): InvocationRef {
  return {
    webhookId: headerValue(headers, 'x-zendesk-webhook-id') ?? null,
    invocationId: headerValue(headers, 'x-zendesk-webhook-invocation-id') ?? null,
    attempt: null,
    accountId: headerValue(headers, 'x-zendesk-account-id') ?? null,
  }
}

/** A request to a Bridgebench receiver keeps its route; anything else is `imported`. */
function routeOf(path: string): string {
  const match = /^\/hooks\/([a-z0-9][a-z0-9_-]{0,62})(?:[/?]|$)/.exec(path)
  return match?.[1] ?? 'imported'
}
