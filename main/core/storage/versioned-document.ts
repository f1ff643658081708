import type { z } from 'zod'
import { cloneKeepingFloats } from '../../../shared/numbers/json-keeping-floats'
import { CorruptDataError } from './corrupt-data'
import type { JsonStore } from './json-store'
import { migrate, schemaVersionOf, type Migration } from './settings-migrations'

/**
 * A schema-checked, migrated-on-load JSON document; writes are validated before they land.
 * A document that does not fit its schema is refused (CorruptDataError naming the file) and
 * never rewritten; before a migration rewrites a file, the original is kept beside it as
 * `<file>.bak-<version>-<time>`.
 */
export class VersionedDocument<T extends Record<string, unknown>> {
  private data: T

  constructor(
    private readonly store: JsonStore,
    private readonly schema: z.ZodType<T>,
    migrations: Migration[],
    now: () => Date = () => new Date(),
  ) {
    const stored = store.read()
    const { data, applied } = migrate(stored, migrations, store.path)
    const parsed = schema.safeParse(data)
    if (!parsed.success) {
      throw new CorruptDataError(store.path, parsed.error.issues.map(describeIssue).join('; '))
    }
    this.data = parsed.data
    if (applied.length > 0) {
      store.backup(`bak-${schemaVersionOf(stored, store.path)}-${fileStamp(now())}`)
      store.write(this.data)
    }
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

/** `2026-11-30T03-24-29Z`: a time that sorts and is a valid file name everywhere. */
function fileStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-')
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return `${issue.path.join('.') || '(root)'}: ${issue.message}`
}
