import { z } from 'zod'
import { headerTemplates } from '../../../shared/contract/compose'
import { lintTargetId } from '../../../shared/contract/compose'
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
  schemaVersion: z.literal(1),
  templates: z.array(storedTemplate),
})
export type StoredTemplates = z.infer<typeof storedTemplates>

export const TEMPLATE_MIGRATIONS: Migration[] = [
  { to: 1, describe: 'versioned template library', up: (data) => ({ templates: [], ...data }) },
]
