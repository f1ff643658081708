import type { TemplateDraft, TemplateDraftInput } from '../../../shared/contract/templates'
import type { VersionedDocument } from '../storage/versioned-document'
import type { StoredTemplates } from './stored-templates'

/** Enough for every template someone has open in a day; the oldest go first. */
const MAX_DRAFTS = 50

/**
 * Unsaved Compose edits, one per template (null: a new, never-saved one), kept beside the
 * templates so a reload or a restart loses nothing. Saving the template or discarding the
 * draft removes it.
 */
export class TemplateDrafts {
  constructor(
    private readonly document: VersionedDocument<StoredTemplates>,
    private readonly now: () => Date,
  ) {}

  /** Newest first. */
  list(): TemplateDraft[] {
    return [...this.document.get().drafts]
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt))
      .map((d) => structuredClone(d))
  }

  save(input: TemplateDraftInput): TemplateDraft {
    const draft: TemplateDraft = { ...structuredClone(input), savedAt: this.now().toISOString() }
    this.document.update((doc) => ({
      ...doc,
      drafts: [...doc.drafts.filter((d) => d.templateId !== input.templateId), draft]
        .sort((a, b) => b.savedAt.localeCompare(a.savedAt))
        .slice(0, MAX_DRAFTS),
    }))
    return draft
  }

  /** False when there was none. */
  discard(templateId: string | null): boolean {
    if (!this.document.get().drafts.some((d) => d.templateId === templateId)) return false
    this.document.update((doc) => ({
      ...doc,
      drafts: doc.drafts.filter((d) => d.templateId !== templateId),
    }))
    return true
  }
}
