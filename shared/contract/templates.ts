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

const byId = z.object({ id: templateId })
const removed = z.object({ removed: z.boolean() })

/** Named templates (body + headers + target); the seed from Braze's docs comes first. */
export const templatesContract = {
  list: oc.output(z.array(templateView)),
  get: oc.input(byId).output(templateView),
  save: oc.input(templateInput).output(templateView),
  remove: oc.input(byId).output(removed),
}
