import { z } from 'zod'
import { headerTemplates } from '../../../shared/contract/compose'
import { lintTargetId } from '../../../shared/contract/compose'
import { templateDraft } from '../../../shared/contract/templates'
import type { Migration } from '../storage/settings-migrations'

export const storedTemplate = z.object({
  id: z.string(),
  name: z.string(),
  body: z.string(),
  headers: headerTemplates,
  target: lintTargetId.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type StoredTemplate = z.infer<typeof storedTemplate>

/** The library's store name: templates.json in the data folder. */
export const TEMPLATE_LIBRARY_FILE = 'templates'

/** templates.json in the data folder. */
export const storedTemplates = z.object({
  schemaVersion: z.literal(2),
  templates: z.array(storedTemplate),
  /** Unsaved Compose edits, one per template (see template-drafts.ts). */
  drafts: z.array(templateDraft),
})
export type StoredTemplates = z.infer<typeof storedTemplates>

export const TEMPLATE_MIGRATIONS: Migration[] = [
  { to: 1, describe: 'versioned template library', up: (data) => ({ templates: [], ...data }) },
  { to: 2, describe: 'unsaved drafts kept per template', up: (data) => ({ drafts: [], ...data }) },
]
