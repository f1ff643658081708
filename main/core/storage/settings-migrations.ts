/**
 * Settings carry a schema version and are migrated on load, one step at a time, so a file from
 * any older release opens in a newer one. A file from a newer release is refused rather than
 * silently downgraded.
 */
export interface Migration {
  /** The version this migration produces. */
  to: number
  describe: string
  up: (data: Record<string, unknown>) => Record<string, unknown>
}

export class SettingsTooNewError extends Error {
  constructor(file: string, found: number, supported: number) {
    super(
      `${file} was written by a newer Bridgebench (settings version ${found}; this one reads up to ${supported}). ` +
        'Update Bridgebench, or point BRIDGEBENCH_HOME at another folder.',
    )
    this.name = 'SettingsTooNewError'
  }
}

export function migrate(
  data: Record<string, unknown>,
  migrations: Migration[],
  file: string,
): { data: Record<string, unknown>; applied: string[] } {
  const latest = Math.max(0, ...migrations.map((m) => m.to))
  const found = typeof data.schemaVersion === 'number' ? data.schemaVersion : 0
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
