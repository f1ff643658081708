import { oc } from '@orpc/contract'
import { z } from 'zod'
import { profileId, recordId, ticketId } from './ids'
import { problem } from './problems'
import { rawBody, rawHeaders } from './raw-http'

/**
 * Diffs of HTTP messages: what Zendesk sent against what was forwarded, what the trigger's body
 * template should have produced against what arrived, Braze's first answer against a replay's,
 * or any two captures. Structured so a screen can show them side by side and inline: the start
 * line, a row per header name, and the body as a JSON delta with a list of changes by JSON path
 * (or a line diff for text, or sizes and digests for binary bodies).
 */

/** Which volatile parts are left out of the comparison (still listed, marked `ignored`). */
export const diffOptions = z.object({
  /** The built-in volatile headers and fields (signatures, timestamps, request ids…). */
  useDefaultIgnores: z.boolean().default(true),
  /**
   * More JSON paths to leave out, as `jsonPath` prints them, with `*` for any one key or index
   * and `**` for any depth: `events[*].time`, `**.updated_at`, `properties["my key"]`.
   */
  ignorePaths: z.array(z.string().min(1).max(300)).max(100).default([]),
  /** More header names to leave out (any case). */
  ignoreHeaders: z.array(z.string().min(1).max(200)).max(100).default([]),
  /**
   * Keys that identify an object in an array, tried in order: items are matched by the first
   * key whose values are present and unique on each side and mostly shared by both, else by
   * position.
   */
  arrayKeys: z
    .array(z.string().min(1).max(100))
    .max(20)
    .default(['id', 'external_id', 'braze_id', 'name', 'product_id']),
})
export type DiffOptions = z.input<typeof diffOptions>
export type ResolvedDiffOptions = z.output<typeof diffOptions>

/** One HTTP message to compare: a request (`POST /path`) or a response (`201 Created`). */
export const diffMessage = z.object({
  /** Shown above its column: "Captured", "Forwarded to Braze", "Expected (template)"… */
  label: z.string().max(200),
  /** The request line (`POST https://…/users/track`) or the status line (`201 Created`). */
  startLine: z.string().max(10_000),
  headers: rawHeaders,
  body: rawBody,
})
export type DiffMessage = z.infer<typeof diffMessage>

/** One header name (compared case-insensitively) on each side, with every line it had. */
export const headerSide = z.object({
  /** As written on each line, case kept. */
  names: z.array(z.string()),
  values: z.array(z.string()),
  /** 0-based positions of its lines among all the message's header lines. */
  positions: z.array(z.number().int()),
})

export const headerChangeKind = z.enum([
  'added',
  'removed',
  'value',
  /** Same name, other letter case (a tunnel or HTTP/2 lower-cased it). */
  'case',
  /** A different number of lines (duplicates merged or split). */
  'count',
  /** Its place relative to the other headers changed. */
  'moved',
  /** A credential was replaced (both sides are masked, so only the source tells). */
  'credential',
])
export type HeaderChangeKind = z.infer<typeof headerChangeKind>

export const headerRow = z.object({
  /** The name in lower case. */
  name: z.string(),
  left: headerSide.nullable(),
  right: headerSide.nullable(),
  changes: z.array(headerChangeKind),
  /** A volatile header (signature, timestamp, hop-by-hop…): shown, not counted as a difference. */
  ignored: z.boolean(),
  note: z.string().nullable(),
})
export type HeaderRow = z.infer<typeof headerRow>

export const headerDiff = z.object({
  /** Every name on either side: the right side's order, then names only the left side has. */
  rows: z.array(headerRow),
  /** The relative order of the names both sides have changed. */
  orderChanged: z.boolean(),
  /** Rows with a change that is not ignored. */
  changed: z.number().int(),
})
export type HeaderDiff = z.infer<typeof headerDiff>

export const jsonChange = z.object({
  kind: z.enum(['added', 'removed', 'changed', 'moved']),
  /**
   * Where, as people read it (`events[0].properties.status`). Array indexes are the right
   * side's, except for removed items (the left side's) and moves (from the left index).
   */
  path: z.string(),
  segments: z.array(z.union([z.string(), z.number().int()])),
  /** The values, when each is at most 1 KB as JSON; `summary` always says what changed. */
  left: z.unknown().optional(),
  right: z.unknown().optional(),
  /** For a move: the right side's index. */
  to: z.number().int().optional(),
  summary: z.string(),
})
export type JsonChange = z.infer<typeof jsonChange>

export const ignoredChange = z.object({
  path: z.string(),
  /** The rule that matched (a default one, or one given in the options). */
  rule: z.string(),
  summary: z.string(),
})
export type IgnoredChange = z.infer<typeof ignoredChange>

export const textLine = z.object({
  op: z.enum(['equal', 'insert', 'delete']),
  text: z.string(),
  /** 1-based line numbers on each side; null on the side the line is not on. */
  left: z.number().int().nullable(),
  right: z.number().int().nullable(),
})

export const textHunk = z.object({
  leftStart: z.number().int(),
  leftLines: z.number().int(),
  rightStart: z.number().int(),
  rightLines: z.number().int(),
  lines: z.array(textLine),
})
export type TextHunk = z.infer<typeof textHunk>

export const bodyDiff = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('json'),
    /** jsondiffpatch's delta (https://github.com/benjamine/jsondiffpatch/blob/master/docs/deltas.md). */
    delta: z.unknown(),
    changes: z.array(jsonChange),
    /** Changes past the first 1,000 are in the delta only. */
    moreChanges: z.number().int(),
    ignored: z.array(ignoredChange),
  }),
  z.object({
    mode: z.literal('text'),
    /** Changed lines with 3 lines of context, as a unified diff groups them. */
    hunks: z.array(textHunk),
    inserted: z.number().int(),
    deleted: z.number().int(),
  }),
  z.object({
    mode: z.literal('binary'),
    leftSize: z.number().int(),
    rightSize: z.number().int(),
    /** SHA-256 of each side's stored bytes, hex. */
    leftSha256: z.string(),
    rightSha256: z.string(),
  }),
  z.object({
    mode: z.literal('too-large'),
    leftSize: z.number().int(),
    rightSize: z.number().int(),
  }),
])
export type BodyDiff = z.infer<typeof bodyDiff>

export const messageDiff = z.object({
  left: z.object({ label: z.string(), startLine: z.string() }),
  right: z.object({ label: z.string(), startLine: z.string() }),
  startLineChanged: z.boolean(),
  headers: headerDiff,
  body: bodyDiff,
  /** True when nothing differs but what the ignore rules leave out (the start line aside). */
  identical: z.boolean(),
  /** What the reader should know: a cap that applied, a body that is not JSON, a cut capture. */
  notes: z.array(z.string()),
})
export type MessageDiff = z.infer<typeof messageDiff>

/** Something to compare, by reference (read from the stores) or given inline. */
export const diffSide = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('capture'), id: recordId }),
  z.object({
    kind: z.literal('exchange'),
    id: recordId,
    /** Which part of the exchange; the response by default. */
    part: z.enum(['request', 'response']).default('response'),
    /** 1-based; the last attempt by default. */
    attempt: z.number().int().min(1).optional(),
  }),
  z.object({ kind: z.literal('message'), message: diffMessage }),
])
export type DiffSide = z.infer<typeof diffSide>

/** Expected vs actual: a capture against its trigger's body template rendered for the ticket. */
export const expectedInput = z.object({
  captureId: recordId,
  /** The profile whose Zendesk holds the ticket and trigger; the active one by default. */
  profileId: profileId.optional(),
  /**
   * The ticket the trigger fired for. Found by itself for the Sandbox; for a real account, give
   * it (or `ticketJson`).
   */
  ticketId: ticketId.optional(),
  /** A ticket as `GET /api/v2/tickets/{id}` returns it (`{ticket}` or the ticket), instead. */
  ticketJson: z.string().max(2_000_000).optional(),
  /** The trigger's body template; by default read from the trigger that notifies the webhook. */
  template: z.string().max(1_000_000).optional(),
  /** How Zendesk escapes inserted values (an open question): the Sandbox's setting by default. */
  escaping: z.enum(['json', 'raw']).optional(),
  options: diffOptions.optional(),
})
export type ExpectedInput = z.input<typeof expectedInput>

export const expectedDiff = z.object({
  diff: messageDiff,
  ticketId: z.number().int().nullable(),
  /** Where the template came from: the given text, or the trigger `title (id)`. */
  templateSource: z.string(),
  /** Problems rendering the template (Liquid errors, placeholders that render empty). */
  problems: z.array(problem),
})
export type ExpectedDiff = z.infer<typeof expectedDiff>

export const diffsContract = {
  /** Any two messages: captures, exchange requests or responses, or messages given inline. */
  compare: oc
    .input(z.object({ left: diffSide, right: diffSide, options: diffOptions.optional() }))
    .output(messageDiff),
  /**
   * What was captured against what was forwarded: by the forward exchange, or by the capture
   * (its latest forward).
   */
  forwarded: oc
    .input(
      z.object({
        exchangeId: recordId.optional(),
        captureId: recordId.optional(),
        options: diffOptions.optional(),
      }),
    )
    .output(messageDiff),
  /** Expected (the trigger's template rendered for the ticket) vs actual (the capture). */
  expected: oc.input(expectedInput).output(expectedDiff),
  /**
   * A replay's answer against the original one: the forward of the same capture, or the
   * exchange given.
   */
  replayed: oc
    .input(
      z.object({
        exchangeId: recordId,
        originalExchangeId: recordId.optional(),
        options: diffOptions.optional(),
      }),
    )
    .output(messageDiff),
}
