import { z } from 'zod'

/**
 * HAR 1.2, the HTTP Archive format browsers, Postman and HTTP Toolkit read and write
 * (http://www.softwareishard.com/blog/har-12-spec/), as a zod schema that follows the spec's
 * required fields and types. Fields beyond the spec must start with `_` (the spec's rule for
 * custom fields); Bridgebench's own are listed where they are used.
 */

/** Refuses keys that are neither the spec's nor custom (`_`-prefixed). */
function harObject<T extends z.ZodRawShape>(shape: T) {
  return z
    .object(shape)
    .catchall(z.unknown())
    .superRefine((value, context) => {
      for (const key of Object.keys(value)) {
        if (!(key in shape) && !key.startsWith('_')) {
          context.addIssue({
            code: 'custom',
            message: `"${key}" is not a HAR 1.2 field (custom fields start with "_")`,
            path: [key],
          })
        }
      }
    })
}

/** ISO 8601 with a time zone, as the spec's example `2009-07-24T19:20:30.45+01:00`. */
const isoDateTime = z
  .string()
  .regex(
    /^\d{4}-?\d\d-?\d\dT?\d\d:?\d\d:?\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)$/,
    'an ISO 8601 date and time with a zone',
  )
const comment = z.string().optional()
/** -1 where a size or time does not apply or is unknown (the spec's convention). */
const sizeOrUnknown = z.number().int().min(-1)
const timeOrUnknown = z.number().min(-1)

export const harNameValue = harObject({ name: z.string(), value: z.string(), comment })

export const harCookie = harObject({
  name: z.string(),
  value: z.string(),
  path: z.string().optional(),
  domain: z.string().optional(),
  expires: isoDateTime.nullable().optional(),
  httpOnly: z.boolean().optional(),
  secure: z.boolean().optional(),
  comment,
})

export const harPostData = harObject({
  mimeType: z.string(),
  params: z
    .array(
      harObject({
        name: z.string(),
        value: z.string().optional(),
        fileName: z.string().optional(),
        contentType: z.string().optional(),
        comment,
      }),
    )
    .optional(),
  text: z.string().optional(),
  comment,
  /** Bridgebench: the body's bytes as base64 when they are not UTF-8 (`text` is then empty). */
  _base64: z.string().optional(),
})

export const harRequest = harObject({
  method: z.string(),
  url: z.url(),
  httpVersion: z.string(),
  cookies: z.array(harCookie),
  headers: z.array(harNameValue),
  queryString: z.array(harNameValue),
  postData: harPostData.optional(),
  headersSize: sizeOrUnknown,
  bodySize: sizeOrUnknown,
  comment,
})

export const harContent = harObject({
  size: z.number().int(),
  compression: z.number().int().optional(),
  mimeType: z.string(),
  text: z.string().optional(),
  encoding: z.string().optional(),
  comment,
})

export const harResponse = harObject({
  /** 0 when there was no answer (a timeout, a refused connection), as browsers write it. */
  status: z.number().int(),
  statusText: z.string(),
  httpVersion: z.string(),
  cookies: z.array(harCookie),
  headers: z.array(harNameValue),
  content: harContent,
  redirectURL: z.string(),
  headersSize: sizeOrUnknown,
  bodySize: sizeOrUnknown,
  comment,
})

export const harTimings = harObject({
  blocked: timeOrUnknown.optional(),
  dns: timeOrUnknown.optional(),
  connect: timeOrUnknown.optional(),
  send: z.number().min(0),
  wait: z.number().min(0),
  receive: z.number().min(0),
  ssl: timeOrUnknown.optional(),
  comment,
})

export const harEntry = harObject({
  pageref: z.string().optional(),
  startedDateTime: isoDateTime,
  time: z.number().min(0),
  request: harRequest,
  response: harResponse,
  cache: harObject({
    beforeRequest: z.unknown().optional(),
    afterRequest: z.unknown().optional(),
    comment,
  }),
  timings: harTimings,
  serverIPAddress: z.union([z.ipv4(), z.ipv6()]).optional(),
  connection: z.string().optional(),
  comment,
})
export type HarEntry = z.infer<typeof harEntry>

export const harPage = harObject({
  startedDateTime: isoDateTime,
  id: z.string(),
  title: z.string(),
  pageTimings: harObject({
    onContentLoad: timeOrUnknown.optional(),
    onLoad: timeOrUnknown.optional(),
    comment,
  }),
  comment,
})

const harCreator = harObject({ name: z.string(), version: z.string(), comment })

export const har = harObject({
  log: harObject({
    version: z.literal('1.2'),
    creator: harCreator,
    browser: harCreator.optional(),
    pages: z.array(harPage).optional(),
    entries: z.array(harEntry),
    comment,
  }),
})
export type Har = z.infer<typeof har>
