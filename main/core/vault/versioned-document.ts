import type { z } from 'zod'
import { cloneKeepingFloats } from '../../../shared/numbers/json-keeping-floats'
import type { JsonStore } from './json-store'
import { migrate, type Migration } from './settings-migrations'

export class CorruptSettingsError extends Error {
  constructor(file: string, detail: string) {
    super(
      `${file} is not valid Bridgebench data (${detail}). Fix or move the file aside; Bridgebench will not overwrite it.`,
    )
    this.name = 'CorruptSettingsError'
  }
}

/** A schema-checked, migrated-on-load JSON document; writes are validated before they land. */
export class VersionedDocument<T extends Record<string, unknown>> {
  private data: T

  constructor(
    private readonly store: JsonStore,
    private readonly schema: z.ZodType<T>,
    migrations: Migration[],
  ) {
    const { data, applied } = migrate(store.read(), migrations, store.path)
    const parsed = schema.safeParse(data)
    if (!parsed.success) {
      throw new CorruptSettingsError(store.path, parsed.error.issues.map(describeIssue).join('; '))
    }
    this.data = parsed.data
    if (applied.length > 0) store.write(this.data)
  }

  get path(): string {
    return this.store.path
  }

  get(): T {
    return this.data
  }

  update(change: (draft: T) => T): T {
    const next = this.schema.parse(change(cloneKeepingFloats(this.data)))
    this.store.write(next)
    this.data = next
    return next
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return `${issue.path.join('.') || '(root)'}: ${issue.message}`
}
