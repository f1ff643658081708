import { CorruptDataError } from './corrupt-data'

/**
 * Stored data carries a schema version and is migrated on load, one step at a time, so a file
 * from any older release opens in a newer one. A file from a newer release is refused rather
 * than silently downgraded.
 */
export interface Migration {
  /** The version this migration produces. */
  to: number
  describe: string
  up: (data: Record<string, unknown>) => Record<string, unknown>
}

export class SettingsTooNewError extends Error {
  constructor(
    readonly file: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `${file} was written by a newer Bridgebench (data version ${found}; this one reads up to ${supported}). ` +
        'Update Bridgebench, or point BRIDGEBENCH_HOME at another folder.',
    )
    this.name = 'SettingsTooNewError'
  }
}

/** The version a document says it has: 0 when it has none (written before versions existed). */
export function schemaVersionOf(data: Record<string, unknown>, file: string): number {
  const found = data.schemaVersion
  if (found === undefined) return 0
  if (typeof found !== 'number' || !Number.isInteger(found) || found < 0) {
    throw new CorruptDataError(file, 'its schemaVersion is not a whole number')
  }
  return found
}

export function migrate(
  data: Record<string, unknown>,
  migrations: Migration[],
  file: string,
): { data: Record<string, unknown>; applied: string[] } {
  const latest = Math.max(0, ...migrations.map((m) => m.to))
  const found = schemaVersionOf(data, file)
  if (found > latest) throw new SettingsTooNewError(file, found, latest)
  let current = data
  const applied: string[] = []
  for (const migration of [...migrations].sort((a, b) => a.to - b.to)) {
    if (migration.to <= found) continue
    current = { ...migration.up(current), schemaVersion: migration.to }
    applied.push(migration.describe)
  }
  return { data: current, applied }
}
