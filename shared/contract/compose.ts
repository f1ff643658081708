import { z } from 'zod'
import {
  brazeUserProfile,
  cannedResponse,
  lintTargetId,
  problem,
  renderResult,
  standIns,
  triggerContext,
} from './problems'

/**
 * The Compose screen's data: named templates, the sample users a preview renders for, and what
 * a render or a batch of renders found. Rendered headers reach the renderer masked.
 */

export const userSource = z.enum(['built-in', 'imported', 'custom', 'braze', 'random'])
export type UserSource = z.infer<typeof userSource>

/** A sample user as the picker lists it; `id` picks it in every operation. */
export const sampleUserEntry = z.object({
  id: z.string(),
  /** "Ada Lovelace (u-1001)". */
  label: z.string(),
  source: userSource,
  user: brazeUserProfile,
})
export type SampleUserEntry = z.infer<typeof sampleUserEntry>

/** Request headers by name; each value is a Liquid template too. */
export const headerTemplates = z.record(z.string(), z.string())

export const templateView = z.object({
  id: z.string(),
  name: z.string(),
  /** The seed from Braze's docs: read-only, "Save as" makes an editable copy. */
  builtIn: z.boolean(),
  body: z.string(),
  headers: headerTemplates,
  target: lintTargetId.nullable(),
  /** Null for built-in templates. */
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
})
export type TemplateView = z.infer<typeof templateView>

export const templateInput = z.object({
  /** Absent to save a new template ("Save as"); a saved template's id to overwrite it. */
  id: z.string().optional(),
  name: z.string().trim().min(1, 'Give the template a name.').max(120),
  body: z.string().max(200_000, 'The template is longer than 200,000 characters.'),
  headers: headerTemplates.default({}),
  target: lintTargetId.nullable().default(null),
})
export type TemplateInput = z.input<typeof templateInput>

/** Previews answer Connected Content from pasted responses only; nothing is called live. */
export const composeConnectedContent = z.object({
  /** URL → response; a URL without its query string also matches. */
  responses: z.record(z.string(), cannedResponse).optional(),
})

const renderOptions = {
  template: z.string().max(200_000),
  headers: headerTemplates.optional(),
  context: triggerContext.optional(),
  connectedContent: composeConnectedContent.optional(),
  standIns: standIns.optional(),
  target: lintTargetId.optional(),
  /** ISO time used for `'now'`; the engine's clock when absent. */
  now: z.iso.datetime({ offset: true }).optional(),
}

/** Exactly one of userId and user: the engine says so when both or neither are given. */
export const composeRenderInput = z.object({
  ...renderOptions,
  /** A sample user's id (see users.list), or… */
  userId: z.string().optional(),
  /** …a user given inline. */
  user: brazeUserProfile.optional(),
})
export type ComposeRenderInput = z.input<typeof composeRenderInput>

export const composeRenderOutput = renderResult.extend({
  /** How long the render and lint took in the engine. */
  durationMs: z.number(),
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

export const composeBatchInput = z.object({ ...renderOptions, users: batchUserSet })
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
  /** The first few problems, in reading order. */
  problems: z.array(problem),
})
export type BatchRow = z.infer<typeof batchRow>

export const composeBatchOutput = z.object({
  rows: z.array(batchRow),
  totals: severityCounts.extend({
    users: z.number().int(),
    failing: z.number().int(),
    aborted: z.number().int(),
  }),
  /** Set for a random set: pass it again to get the same users. */
  seed: z.number().int().nullable(),
  durationMs: z.number(),
})
export type ComposeBatchOutput = z.infer<typeof composeBatchOutput>

export const userImportFormat = z.enum(['json', 'csv'])
export type UserImportFormat = z.infer<typeof userImportFormat>

export const userImportResult = z.object({
  imported: z.array(sampleUserEntry),
  /** Positions are in the imported file; rows with errors are left out, the rest kept. */
  problems: z.array(problem),
})
export type UserImportResult = z.infer<typeof userImportResult>
