import { oc } from '@orpc/contract'
import { z } from 'zod'
import { templateId } from './ids'
import { headerTemplates, lintTargetId } from './compose'

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
  id: templateId.optional(),
  name: z.string().trim().min(1, 'Give the template a name.').max(120),
  body: z.string().max(200_000, 'The template is longer than 200,000 characters.'),
  headers: headerTemplates.default({}),
  target: lintTargetId.nullable().default(null),
})
export type TemplateInput = z.input<typeof templateInput>

/**
 * Unsaved Compose edits, kept per template in the data folder so a reload (or a restart) never
 * loses them; restored when the template is opened, gone when it is saved or discarded.
 */
export const templateDraft = z.object({
  /** The template the draft edits (saved or built-in); null for a new, never-saved one. */
  templateId: z.string().max(200).nullable(),
  name: z.string().max(120),
  body: z.string().max(200_000),
  /** As typed: a half-written header name is kept as it is. */
  headers: headerTemplates,
  target: lintTargetId.nullable(),
  savedAt: z.string(),
})
export type TemplateDraft = z.infer<typeof templateDraft>

export const templateDraftInput = templateDraft.omit({ savedAt: true })
export type TemplateDraftInput = z.infer<typeof templateDraftInput>

const byId = z.object({ id: templateId })
const removed = z.object({ removed: z.boolean() })

/** Named templates (body + headers + target); the seed from Braze's docs comes first. */
export const templatesContract = {
  list: oc.output(z.array(templateView)),
  get: oc.input(byId).output(templateView),
  save: oc.input(templateInput).output(templateView),
  remove: oc.input(byId).output(removed),
  /** Every kept draft, newest first. */
  drafts: oc.output(z.array(templateDraft)),
  saveDraft: oc.input(templateDraftInput).output(templateDraft),
  discardDraft: oc.input(z.object({ templateId: z.string().nullable() })).output(removed),
}
