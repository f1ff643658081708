import { eventIterator, oc } from '@orpc/contract'
import { z } from 'zod'
import { capture, captureSetRef } from './captures'
import { profileId, recordId } from './ids'

/**
 * Replaying captured requests: one at a time (as captured, edited, or re-signed) or a whole
 * capture set as a QA run with concurrency, a rate limit, assertions per set and a pass/fail per
 * capture. Every request sent is recorded as an exchange of kind `replay`.
 */

/** Where replays go. */
export const replayTarget = z.discriminatedUnion('kind', [
  /** The profile's Braze REST endpoint; the path after the receiver route is kept. */
  z.object({ kind: z.literal('braze'), profileId: profileId.optional() }),
  /** The Sandbox's simulated Braze, with the Sandbox's key. */
  z.object({ kind: z.literal('sandbox') }),
  /** This Bridgebench's webhook receiver (it must be running): the captured path as is. */
  z.object({ kind: z.literal('receiver') }),
  /** Any http(s) URL, used as given. */
  z.object({
    kind: z.literal('url'),
    url: z
      .string()
      .max(4_096)
      .regex(/^https?:\/\//i, 'an http:// or https:// URL'),
  }),
])
export type ReplayTarget = z.infer<typeof replayTarget>

/**
 * Where the Authorization header comes from: the target profile's Braze REST API key (the
 * Sandbox's for `sandbox`), the captured credential (kept encrypted in this inbox), or none.
 */
export const replayAuth = z.enum(['profile', 'capture', 'none'])
export type ReplayAuth = z.infer<typeof replayAuth>

/** One JSON Patch operation (RFC 6902, https://www.rfc-editor.org/rfc/rfc6902). */
export const jsonPatchOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), path: z.string(), value: z.unknown() }),
  z.object({ op: z.literal('replace'), path: z.string(), value: z.unknown() }),
  z.object({ op: z.literal('remove'), path: z.string() }),
  z.object({ op: z.literal('move'), from: z.string(), path: z.string() }),
])
export type JsonPatchOp = z.infer<typeof jsonPatchOp>

/** Changes to a capture before it is replayed. */
export const replayEdit = z.object({
  /** A new body (sent byte for byte), or JSON Patch operations on the captured JSON body. */
  body: z
    .union([
      z.object({ text: z.string().max(16 * 1024 * 1024) }),
      z.object({ jsonPatch: z.array(jsonPatchOp).min(1).max(1_000) }),
    ])
    .optional(),
  headers: z
    .object({
      /** Replaces every line of that name (any case) in place, or adds it at the end. */
      set: z
        .array(z.tuple([z.string().min(1).max(200), z.string().max(8_192)]))
        .max(100)
        .default([]),
      remove: z.array(z.string().min(1).max(200)).max(100).default([]),
    })
    .optional(),
})
export type ReplayEdit = z.input<typeof replayEdit>

const statusRule = z.union([
  z.literal('2xx'),
  z.number().int().min(100).max(599),
  z.array(z.number().int().min(100).max(599)).min(1),
])

/**
 * What each replayed request must get. The rules of a capture set live in `assertions.json` in
 * the set's folder: `{ "status": "2xx", "noErrors": true, "response": {…}, "readBack": {…},
 * "captures": { "<capture id>": { …rules for that capture only… } } }`.
 */
export const assertionRules = z.object({
  /** `"2xx"` (the default), one status, or a list of them. */
  status: statusRule.optional(),
  /** Braze's answer must have no `errors` (a 2xx with `errors` dropped those objects). */
  noErrors: z.boolean().optional(),
  /** Values the JSON answer must hold, by JSON path: `{"message": "success"}`. */
  response: z.record(z.string().max(300), z.unknown()).optional(),
  /**
   * Read the users back with /users/export/ids after a 2xx and check what arrived: `"sent"`
   * checks every plain attribute value and event name the body sent; or name them.
   */
  readBack: z
    .object({
      attributes: z.union([z.literal('sent'), z.record(z.string(), z.unknown())]).optional(),
      events: z.union([z.literal('sent'), z.array(z.string())]).optional(),
      /** Wait this long first: Braze applies writes asynchronously. */
      delayMs: z.number().int().min(0).max(600_000).default(0),
    })
    .optional(),
})
export type AssertionRules = z.infer<typeof assertionRules>

export const captureSetAssertions = assertionRules.extend({
  captures: z.record(z.string(), assertionRules).default({}),
})
export type CaptureSetAssertions = z.infer<typeof captureSetAssertions>

/** How a replay is sent; the same for one capture and for a run. */
export const replaySettings = z.object({
  target: replayTarget,
  auth: replayAuth.default('profile'),
  /** The profile whose key (`auth: profile`), signing secret and Braze read-back are used. */
  profileId: profileId.optional(),
  /** Re-sign with a fresh timestamp: with the profile's webhook signing secret, or Zendesk's test secret. */
  resign: z.enum(['profile', 'test']).nullable().default(null),
  /** A 429's reset or Retry-After longer than this is not waited out: the capture fails. */
  maxWaitSeconds: z.number().int().min(0).max(3_600).default(120),
})
export type ReplaySettings = z.input<typeof replaySettings>

/** Braze's default limit for endpoints without their own: 250,000 requests an hour. */
export const DEFAULT_REPLAY_RATE_PER_SECOND = 250_000 / 3_600

export const runSettings = replaySettings.extend({
  concurrency: z.number().int().min(1).max(64).default(4),
  /** Requests per second at most, across the run. */
  ratePerSecond: z.number().positive().max(100_000).default(DEFAULT_REPLAY_RATE_PER_SECOND),
  assertions: captureSetAssertions.optional(),
})
export type RunSettings = z.input<typeof runSettings>

export const replayResult = z.object({
  /** The file in the set, or the capture id. */
  name: z.string(),
  captureId: z.string().nullable(),
  /** The `replay` exchange with every attempt; null when nothing was sent. */
  exchangeId: z.string().nullable(),
  url: z.string().nullable(),
  status: z.number().int().nullable(),
  attempts: z.number().int(),
  durationMs: z.number(),
  passed: z.boolean(),
  /** Why it failed: each failed assertion, or why nothing was sent or answered. */
  failures: z.array(z.string()),
})
export type ReplayResult = z.infer<typeof replayResult>

export const runSummary = z.object({
  runId: z.string(),
  /** What was replayed, as a label: "set NAME", "N captures", or "fed by the CLI". */
  source: z.string(),
  target: z.string(),
  startedAt: z.string(),
  state: z.enum(['running', 'finished', 'cancelled', 'failed']),
  /** Known up front for sets and id lists; null while a feed is still coming. */
  total: z.number().int().nullable(),
  done: z.number().int(),
  passed: z.number().int(),
  failed: z.number().int(),
  durationMs: z.number(),
  requestsPerSecond: z.number(),
  /** Why the run itself stopped (not a capture's failure). */
  error: z.string().nullable(),
})
export type RunSummary = z.infer<typeof runSummary>

export const runEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('started'), summary: runSummary }),
  z.object({ type: z.literal('result'), result: replayResult, summary: runSummary }),
  z.object({ type: z.literal('finished'), summary: runSummary }),
])
export type RunEvent = z.infer<typeof runEvent>

export const runSource = z.discriminatedUnion('kind', [
  /** A named set in the data folder (Replay screen). */
  z.object({ kind: z.literal('set'), name: captureSetRef.shape.name }),
  /** Captures in the inbox, in the order given. */
  z.object({ kind: z.literal('captures'), ids: z.array(recordId).min(1).max(100_000) }),
  /** Captures sent with `feed` (the CLI replaying a folder or a HAR file). */
  z.object({ kind: z.literal('feed') }),
])
export type RunSource = z.infer<typeof runSource>

export const fedCapture = z.object({ name: z.string().max(300), capture })

export const replayContract = {
  /** Replays one capture (from the inbox, or given) as it is, edited, or re-signed. */
  one: oc
    .input(
      replaySettings.extend({
        captureId: recordId.optional(),
        capture: capture.optional(),
        edit: replayEdit.optional(),
        assertions: assertionRules.optional(),
      }),
    )
    .output(replayResult),
  /** Runs a batch: streamed `started`, one `result` per capture, then `finished`. */
  run: oc
    .input(z.object({ source: runSource, settings: runSettings }))
    .output(eventIterator(runEvent)),
  /**
   * Hands captures to a `feed` run, in order; resolves once the run has taken them (it holds a
   * few at a time). `last` ends the feed.
   */
  feed: oc
    .input(
      z.object({
        runId: z.string().max(64),
        items: z.array(fedCapture).max(1_000),
        last: z.boolean().default(false),
      }),
    )
    .output(z.object({ accepted: z.number().int() })),
  cancel: oc
    .input(z.object({ runId: z.string().max(64) }))
    .output(z.object({ cancelled: z.boolean() })),
  /** The recent runs, newest first, with their counters (running ones live). */
  runs: oc.output(z.array(runSummary)),
}
