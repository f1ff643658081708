import { z } from 'zod'

/**
 * Rendering a Braze Liquid template for a sample user, and what is wrong with the result.
 * Positions are 1-based and always refer to the text the user typed (never to any rewrite).
 */

export const problemSeverity = z.enum(['error', 'warning', 'info'])
export type ProblemSeverity = z.infer<typeof problemSeverity>

export const problem = z.object({
  severity: problemSeverity,
  /** Stable kebab-case identifier, e.g. `unknown-filter`, `invalid-json`, `zendesk-status`. */
  code: z.string(),
  message: z.string(),
  /** 1-based line in the original template, or null when the problem has no place in it. */
  line: z.number().int().min(1).nullable(),
  column: z.number().int().min(1).nullable(),
  /** A concrete next step. */
  fix: z.string(),
  /** Absent for the body template; `header:NAME` when the problem is in a header template. */
  source: z.string().optional(),
})
export type Problem = z.infer<typeof problem>

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

/** Targets whose rendered output can be linted. */
export const lintTargetId = z.enum(['zendesk-ticket'])
export type LintTargetId = z.infer<typeof lintTargetId>

export const lintTarget = z.object({ id: lintTargetId, label: z.string() })
export type LintTarget = z.infer<typeof lintTarget>

const attributes = z.record(z.string(), z.unknown())

/**
 * A user as `/users/export/ids` returns it (braze.md §6). Every field may be missing; unknown
 * export fields are kept.
 */
export const brazeUserProfile = z.looseObject({
  external_id: z.string().nullish(),
  braze_id: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  home_city: z.string().nullish(),
  country: z.string().nullish(),
  language: z.string().nullish(),
  time_zone: z.string().nullish(),
  gender: z.string().nullish(),
  dob: z.string().nullish(),
  random_bucket: z.number().nullish(),
  email_subscribe: z.string().nullish(),
  push_subscribe: z.string().nullish(),
  custom_attributes: attributes.nullish(),
  devices: z.array(attributes).nullish(),
})
export type BrazeUserProfile = z.infer<typeof brazeUserProfile>

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

export const renderRequest = z.object({
  template: z.string(),
  headers: z.record(z.string(), z.string()).optional(),
  user: brazeUserProfile,
  context: triggerContext.optional(),
  connectedContent: z
    .object({
      /** URL → response; a URL without its query string also matches. */
      responses: z.record(z.string(), cannedResponse).optional(),
      /** Call URLs that have no canned response (only if the engine was given a fetch). */
      live: z.boolean().optional(),
    })
    .optional(),
  standIns: standIns.optional(),
  /** ISO time used for `'now'`; the engine's clock when absent. */
  now: z.string().optional(),
  target: lintTargetId.optional(),
})
export type RenderRequest = z.input<typeof renderRequest>
