import { eventIterator, oc } from '@orpc/contract'
import { z } from 'zod'
import { profileId, userId } from './ids'
import { problem } from './problems'
import { brazeUserProfile, sampleUserEntry, userSource } from './users'

/**
 * Rendering a Braze Liquid template for sample users and linting the result for a target.
 * Positions are 1-based and always refer to the text the user typed (never to any rewrite).
 * Rendered headers reach the renderer masked.
 */

const attributes = z.record(z.string(), z.unknown())

/** Options of `{% connected_content URL … %}` after rendering (braze.md §2.3). */
export const connectedContentOptions = z.object({
  method: z.enum(['GET', 'POST']),
  save: z.string().nullable(),
  headers: z.record(z.string(), z.string()),
  body: z.string().nullable(),
  contentType: z.string().nullable(),
  basicAuth: z.string().nullable(),
  cacheMaxAge: z.number().nullable(),
  noCache: z.boolean(),
  retry: z.boolean(),
  rerender: z.boolean(),
})
export type ConnectedContentOptions = z.infer<typeof connectedContentOptions>

export const connectedContentCall = z.object({
  url: z.string(),
  options: connectedContentOptions,
  /** Preview never calls out unless the caller allowed it: `not-called` is the default. */
  outcome: z.enum(['not-called', 'canned', 'live', 'failed']),
  status: z.number().int().nullable(),
  note: z.string(),
  line: z.number().int().min(1).nullable(),
  column: z.number().int().min(1).nullable(),
})
export type ConnectedContentCall = z.infer<typeof connectedContentCall>

export const messageExtra = z.object({ key: z.string(), value: z.string() })
export type MessageExtra = z.infer<typeof messageExtra>

export const renderResult = z.object({
  /** The rendered body; empty when the template has errors or the message was aborted. */
  output: z.string(),
  /** Set when `{% abort_message %}` ran: Braze would not send anything. */
  aborted: z.object({ reason: z.string() }).nullable(),
  problems: z.array(problem),
  /** Rendered request headers, by name (each header value is a template too). */
  headers: z.record(z.string(), z.string()),
  connectedContent: z.array(connectedContentCall),
  messageExtras: z.array(messageExtra),
})
export type RenderResult = z.infer<typeof renderResult>

/**
 * Targets whose rendered output can be linted: a Zendesk ticket create, or any JSON body. No
 * target means Liquid only — unless the headers send the body as JSON (see lintedAs).
 */
export const lintTargetId = z.enum(['zendesk-ticket', 'json'])
export type LintTargetId = z.infer<typeof lintTargetId>

export const lintTarget = z.object({ id: lintTargetId, label: z.string() })

/**
 * Whose Authorization a test send puts on the wire: the template's header as rendered (what
 * Braze sends), or the profile's credentials in its place.
 */
export const sendAuthorization = z.enum(['as-rendered', 'profile'])
export type SendAuthorization = z.infer<typeof sendAuthorization>

/** The template's rendered Authorization header: none, still a placeholder, or credentials. */
export const authorizationHeaderState = z.enum(['missing', 'placeholder', 'present'])
export type AuthorizationHeaderState = z.infer<typeof authorizationHeaderState>

/** What a render's lint checked, so no door claims more: a target, or the Liquid alone. */
export const lintedAs = z.enum(['zendesk-ticket', 'json', 'liquid'])
export type LintedAs = z.infer<typeof lintedAs>
export type LintTarget = z.infer<typeof lintTarget>

/** Message-time data that is not on the profile (braze.md §1.3–§1.6); all optional. */
export const triggerContext = z.object({
  event_properties: attributes.optional(),
  api_trigger_properties: attributes.optional(),
  canvas_entry_properties: attributes.optional(),
  context: attributes.optional(),
  campaign: attributes.optional(),
  canvas: attributes.optional(),
  card: attributes.optional(),
  subscribed_state: attributes.optional(),
  most_recently_used_device: attributes.optional(),
  targeted_device: attributes.optional(),
  app: attributes.optional(),
  sms: attributes.optional(),
  whats_app: attributes.optional(),
  /** Standard attributes the export lacks, e.g. `last_used_app_date`, `most_recent_locale`. */
  standard: attributes.optional(),
})
export type TriggerContext = z.infer<typeof triggerContext>

export const cannedResponse = z.object({
  status: z.number().int().min(100).max(599).default(200),
  /** A string is sent as is; anything else as JSON. */
  body: z.unknown(),
  headers: z.record(z.string(), z.string()).optional(),
})
export type CannedResponse = z.input<typeof cannedResponse>

/** What Braze would take from the workspace, supplied by the caller for a preview. */
export const standIns = z.object({
  /** Content Block name → its Liquid source. */
  contentBlocks: z.record(z.string(), z.string()).optional(),
  /** Catalog name → item id → item. */
  catalogs: z.record(z.string(), z.record(z.string(), attributes)).optional(),
  /** Catalog name → selection name → items. */
  catalogSelections: z.record(z.string(), z.record(z.string(), z.array(attributes))).optional(),
  /** Promotion list → the code to print; null means the list is empty (Braze aborts). */
  promotions: z.record(z.string(), z.string().nullable()).optional(),
})
export type StandIns = z.infer<typeof standIns>

/** Request headers by name; each value is a Liquid template too. */
export const headerTemplates = z.record(z.string(), z.string())

/** Previews answer Connected Content from pasted responses only; nothing is called live. */
export const composeConnectedContent = z.object({
  /** URL → response; a URL without its query string also matches. */
  responses: z.record(z.string(), cannedResponse).optional(),
})

/** What every render request carries besides the user: preview, batch, send and the CLI. */
export const renderRequestOptions = {
  template: z.string().max(200_000),
  headers: headerTemplates.optional(),
  context: triggerContext.optional(),
  connectedContent: composeConnectedContent.optional(),
  standIns: standIns.optional(),
  target: lintTargetId.optional(),
  /**
   * Send test ticket's "Tag it bridgebench_test": the tag is inserted into the rendered body
   * (nothing else changes), and the preview shows the body with it, exactly as it is sent.
   */
  addTestTag: z.boolean().optional(),
  /** ISO time used for `'now'`; the engine's clock when absent. */
  now: z.iso.datetime({ offset: true }).optional(),
}

/** Exactly one of userId and user: the engine says so when both or neither are given. */
export const composeRenderInput = z.object({
  ...renderRequestOptions,
  /** A sample user's id (see users.list), or… */
  userId: userId.optional(),
  /** …a user given inline. */
  user: brazeUserProfile.optional(),
})
export type ComposeRenderInput = z.input<typeof composeRenderInput>

export const composeRenderOutput = renderResult.extend({
  /** How long the render and lint took in the engine. */
  durationMs: z.number(),
  /** What the problems cover: "no problems" means no more than this. */
  lintedAs,
  /** With addTestTag: what the tag did to the body (output already carries it). */
  tagChange: z.string().nullable(),
  /**
   * Set when a Liquid error leaves the body empty: the body rendered up to the first error, so
   * the preview shows where the user is. Braze would send nothing; this is never sent.
   */
  renderedUntilError: z
    .object({ text: z.string(), line: z.number().int(), column: z.number().int() })
    .nullable(),
  /** What a test send would do with Authorization unless told otherwise (tickets.send). */
  authorization: z.object({ header: authorizationHeaderState, suggested: sendAuthorization }),
  /** Whom it was rendered for; `id` is null for an inline user. */
  renderedFor: sampleUserEntry.extend({ id: z.string().nullable() }),
})
export type ComposeRenderOutput = z.infer<typeof composeRenderOutput>

export const batchUserSet = z.union([
  z.enum(['built-in', 'saved', 'all']),
  z.object({
    random: z.number().int().min(1).max(1000),
    /** The same seed gives the same users; a fresh one when absent. */
    seed: z.number().int().min(0).optional(),
  }),
])
export type BatchUserSet = z.infer<typeof batchUserSet>

export const composeBatchInput = z.object({ ...renderRequestOptions, users: batchUserSet })
export type ComposeBatchInput = z.input<typeof composeBatchInput>

export const severityCounts = z.object({
  error: z.number().int(),
  warning: z.number().int(),
  info: z.number().int(),
})
export type SeverityCounts = z.infer<typeof severityCounts>

export const batchRow = z.object({
  /** Renders the same user again through compose.render (random users included). */
  userId: z.string(),
  label: z.string(),
  source: userSource,
  /** No error-severity problem and not aborted. */
  ok: z.boolean(),
  aborted: z.string().nullable(),
  counts: severityCounts,
  /**
   * The first few problems of this user's own, errors first: those every user has are in the
   * batch's commonProblems instead, so a row shows what breaks for this user alone.
   */
  problems: z.array(problem),
})
export type BatchRow = z.infer<typeof batchRow>

export const composeBatchOutput = z.object({
  rows: z.array(batchRow),
  /** Problems every user's render has (the template's own), listed once. */
  commonProblems: z.array(problem),
  totals: severityCounts.extend({
    users: z.number().int(),
    failing: z.number().int(),
    aborted: z.number().int(),
  }),
  /** Set for a random set: pass it again to get the same users. */
  seed: z.number().int().nullable(),
  lintedAs,
  durationMs: z.number(),
})
export type ComposeBatchOutput = z.infer<typeof composeBatchOutput>

/**
 * A batch as it streams: `progress` while users render (done of total users), then the rows
 * in order, a page at a time, then the `result` (everything but the rows). Paged so the
 * thread that serves the API encodes a few hundred rows at a turn, never 10,000 at once;
 * collectBatch (shared/compose/collect-batch.ts) folds the events into a ComposeBatchOutput.
 */
export const composeBatchEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    done: z.number().int(),
    total: z.number().int(),
  }),
  z.object({ type: z.literal('rows'), rows: z.array(batchRow) }),
  composeBatchOutput.omit({ rows: true }).extend({ type: z.literal('result') }),
])
export type ComposeBatchEvent = z.infer<typeof composeBatchEvent>

/** Compose: render a Braze Liquid template for sample users and lint it for a target. */
/** Exactly the fields of Braze's webhook composer, for a Compose template and a profile. */
export const brazeHandoff = z.object({
  url: z.string(),
  method: z.literal('POST'),
  /** Secret values masked (`Bearer ••••abcd`). */
  headers: z.array(z.object({ name: z.string(), value: z.string(), secret: z.boolean() })),
  /** The raw body: the template as typed, Braze Liquid and all. */
  body: z.string(),
  authorization: z.object({
    kind: z.enum(['oauth-bearer', 'api-token-basic']),
    /** When the bearer token stops working (ISO-8601), or null when Zendesk gave no expiry. */
    expiresAt: z.string().nullable(),
    note: z.string(),
  }),
  /** The whole hand-off, secrets included, went to the desktop clipboard. */
  copied: z.boolean(),
})
export type BrazeHandoff = z.infer<typeof brazeHandoff>

export const composeContract = {
  /**
   * "Copy for Braze": the composer's URL, method, headers and raw body for the profile, with an
   * Authorization header the profile can mint. `copy: 'secrets'` (desktop only) puts the unmasked
   * hand-off on the clipboard; nothing unmasked is ever returned.
   */
  brazeHandoff: oc
    .input(
      z.object({
        profileId: profileId.optional(),
        body: z.string().max(256 * 1024),
        headers: headerTemplates.default({}),
        copy: z.enum(['masked', 'secrets']).default('masked'),
      }),
    )
    .output(brazeHandoff),
  render: oc.input(composeRenderInput).output(composeRenderOutput),
  /** One template against a set of users: who fails and why, streamed (composeBatchEvent). */
  renderBatch: oc.input(composeBatchInput).output(eventIterator(composeBatchEvent)),
  /** Template problems without rendering (syntax, unknown filters and tags, placeholders). */
  check: oc.input(z.object({ template: z.string().max(200_000) })).output(z.array(problem)),
  targets: oc.output(z.array(lintTarget)),
}
