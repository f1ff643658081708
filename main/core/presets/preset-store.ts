import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { preset, type Preset, type PresetInput } from '../../../shared/contract/presets'
import type { JsonStore } from '../storage/json-store'
import type { Migration } from '../storage/settings-migrations'
import { VersionedDocument } from '../storage/versioned-document'

const file = z.object({ schemaVersion: z.literal(1), presets: z.array(preset) })
type PresetFile = z.infer<typeof file>
const MIGRATIONS: Migration[] = [{ to: 1, describe: 'presets', up: (d) => ({ presets: [], ...d }) }]

export class PresetNotFoundError extends Error {
  constructor(ref: string, known: string[]) {
    super(
      `No preset "${ref}". Known presets: ${known.length ? known.join(', ') : 'none yet (save one on the Compose screen)'}.`,
    )
    this.name = 'PresetNotFoundError'
  }
}

/** Named (template × user × profile) presets, kept in presets.json. */
export class PresetStore {
  private readonly document: VersionedDocument<PresetFile>

  constructor(store: JsonStore) {
    this.document = new VersionedDocument(store, file, MIGRATIONS)
  }

  list(): Preset[] {
    return this.document.get().presets
  }

  /** By id, or by name (case-insensitive), as people type it in the CLI. */
  find(ref: string): Preset {
    const all = this.list()
    const found =
      all.find((p) => p.id === ref) ?? all.find((p) => p.name.toLowerCase() === ref.toLowerCase())
    if (!found)
      throw new PresetNotFoundError(
        ref,
        all.map((p) => p.name),
      )
    return found
  }

  save(input: PresetInput): Preset {
    const saved: Preset = { ...input, id: input.id ?? `preset-${randomUUID().slice(0, 8)}` }
    const clash = this.list().find(
      (p) => p.name.toLowerCase() === saved.name.toLowerCase() && p.id !== saved.id,
    )
    if (clash)
      throw new Error(`A preset named "${clash.name}" already exists; choose another name.`)
    this.document.update((draft) => ({
      ...draft,
      presets: draft.presets.some((p) => p.id === saved.id)
        ? draft.presets.map((p) => (p.id === saved.id ? saved : p))
        : [...draft.presets, saved],
    }))
    return saved
  }

  remove(id: string): boolean {
    const before = this.list().length
    this.document.update((draft) => ({
      ...draft,
      presets: draft.presets.filter((p) => p.id !== id),
    }))
    return this.list().length < before
  }
}
