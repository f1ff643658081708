import { randomUUID } from 'node:crypto'
import {
  templateInput,
  type TemplateInput,
  type TemplateView,
} from '../../../shared/contract/templates'
import type { JsonStore } from '../storage/json-store'
import { VersionedDocument } from '../storage/versioned-document'
import { builtInTemplates } from './built-in-templates'
import { TemplateDrafts } from './template-drafts'
import {
  TEMPLATE_MIGRATIONS,
  storedTemplates,
  type StoredTemplate,
  type StoredTemplates,
} from './stored-templates'

export class TemplateNotFoundError extends Error {
  constructor(id: string) {
    super(`No template with id "${id}". It may have been deleted; pick one from the list.`)
    this.name = 'TemplateNotFoundError'
  }
}

export class BuiltInTemplateError extends Error {
  constructor(name: string, action: string) {
    super(`"${name}" is built in and cannot be ${action}. Use "Save as" to make your own copy.`)
    this.name = 'BuiltInTemplateError'
  }
}

export interface TemplateLibraryOptions {
  /** templates.json (see JsonStoreFactory). */
  store: JsonStore
  now?: () => Date
  /** Defaults to the seed template from resources/. */
  builtIns?: TemplateView[]
}

/**
 * Named templates (body, header templates, lint target). Built-ins come first and are read-only;
 * saved ones live in a versioned file in the data folder.
 */
export class TemplateLibrary {
  private readonly document: VersionedDocument<StoredTemplates>
  private readonly builtIns: TemplateView[]
  private readonly now: () => Date
  /** Unsaved edits per template, kept in the same file. */
  readonly drafts: TemplateDrafts

  constructor(options: TemplateLibraryOptions) {
    this.document = new VersionedDocument(options.store, storedTemplates, TEMPLATE_MIGRATIONS)
    this.builtIns = options.builtIns ?? builtInTemplates()
    this.now = options.now ?? (() => new Date())
    this.drafts = new TemplateDrafts(this.document, this.now)
  }

  get path(): string {
    return this.document.path
  }

  /** Built-ins first, then saved templates by name. */
  list(): TemplateView[] {
    const saved = [...this.document.get().templates].sort((a, b) =>
      a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
    )
    return [...this.builtIns.map((t) => structuredClone(t)), ...saved.map(view)]
  }

  /** Throws TemplateNotFoundError when there is no such template. */
  get(id: string): TemplateView {
    const found = this.find(id)
    if (!found) throw new TemplateNotFoundError(id)
    return found
  }

  find(id: string): TemplateView | undefined {
    const builtIn = this.builtIns.find((t) => t.id === id)
    if (builtIn) return structuredClone(builtIn)
    const saved = this.document.get().templates.find((t) => t.id === id)
    return saved ? view(saved) : undefined
  }

  /** Creates a template (no id: "Save as") or overwrites a saved one (its id). */
  save(input: TemplateInput): TemplateView {
    const { id, name, body, headers, target } = templateInput.parse(input)
    const builtIn = id === undefined ? undefined : this.builtIns.find((t) => t.id === id)
    if (builtIn) throw new BuiltInTemplateError(builtIn.name, 'changed')
    if (id !== undefined && !this.document.get().templates.some((t) => t.id === id)) {
      throw new TemplateNotFoundError(id)
    }
    this.assertNameFree(name, id)
    const now = this.now().toISOString()
    const existing = this.document.get().templates.find((t) => t.id === id)
    const next: StoredTemplate = {
      id: existing?.id ?? `tpl-${randomUUID().slice(0, 8)}`,
      name,
      body,
      headers: cleanHeaders(headers),
      target,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    }
    this.document.update((draft) => ({
      ...draft,
      templates: existing
        ? draft.templates.map((t) => (t.id === next.id ? next : t))
        : [...draft.templates, next],
      // What was saved is no longer a draft.
      drafts: draft.drafts.filter((d) => d.templateId !== next.id),
    }))
    return view(next)
  }

  /** False when there was nothing to remove; built-ins cannot be removed. */
  remove(id: string): boolean {
    const builtIn = this.builtIns.find((t) => t.id === id)
    if (builtIn) throw new BuiltInTemplateError(builtIn.name, 'deleted')
    if (!this.document.get().templates.some((t) => t.id === id)) return false
    this.document.update((draft) => ({
      ...draft,
      templates: draft.templates.filter((t) => t.id !== id),
      drafts: draft.drafts.filter((d) => d.templateId !== id),
    }))
    return true
  }

  private assertNameFree(name: string, id: string | undefined): void {
    const same = (other: string) => other.localeCompare(name, undefined, { sensitivity: 'base' })
    const clash = [...this.builtIns, ...this.document.get().templates].find(
      (t) => t.id !== id && same(t.name) === 0,
    )
    if (clash) {
      throw new Error(
        `A template named "${clash.name}" already exists. Choose another name, or open that template and save it.`,
      )
    }
  }
}

function view(stored: StoredTemplate): TemplateView {
  return { ...structuredClone(stored), builtIn: false }
}

/** Header names are trimmed; a row without a name is an empty row in the editor, not a header. */
function cleanHeaders(headers: Record<string, string>): Record<string, string> {
  const clean: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    const trimmed = name.trim()
    if (!trimmed) continue
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(trimmed)) {
      throw new Error(
        `"${trimmed}" is not a valid header name: use letters, digits and dashes, e.g. Content-Type.`,
      )
    }
    clean[trimmed] = value
  }
  return clean
}
