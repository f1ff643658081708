import type { z } from 'zod'
import { CorruptDataError, isPlainObject, jsonKind, parseJsonText } from './corrupt-data'
import { SettingsTooNewError, migrate, type Migration } from './settings-migrations'

export type Decoded<T> = { ok: true; record: T } | { ok: false; reason: string }

/**
 * One record as JSON with `schemaVersion` first: compact in the journal (the hot path), pretty
 * in its own file (records are meant to be read, diffed and kept in git). Reading migrates an
 * older version in memory; the file is rewritten only when its owner puts the record again.
 */
export class RecordCodec<T extends { id: string }> {
  readonly version: number

  constructor(
    private readonly schema: z.ZodType<T>,
    private readonly migrations: Migration[],
  ) {
    this.version = Math.max(0, ...migrations.map((m) => m.to))
  }

  /**
   * Validates (throws a ZodError for a record that does not fit its schema) and serialises;
   * `check: false` serialises a record its owner built to the schema's type as it is.
   */
  encode(record: T, check = true): { record: T; json: string } {
    const valid = check ? this.schema.parse(record) : record
    return { record: valid, json: JSON.stringify({ schemaVersion: this.version, ...valid }) }
  }

  /** A record from a file's bytes, or why it cannot be one (without quoting the content). */
  decode(bytes: Buffer | string, file: string, id: string): Decoded<T> {
    const parsed = parseJsonText(typeof bytes === 'string' ? bytes : bytes.toString('utf8'))
    if (!parsed.ok) return { ok: false, reason: parsed.detail }
    if (!isPlainObject(parsed.value)) {
      return { ok: false, reason: `expected a JSON object, found ${jsonKind(parsed.value)}` }
    }
    let data: Record<string, unknown>
    try {
      data = migrate(parsed.value, this.migrations, file).data
    } catch (error) {
      if (error instanceof SettingsTooNewError) {
        return {
          ok: false,
          reason: `written by a newer Bridgebench (record version ${error.found}; this one reads up to ${error.supported})`,
        }
      }
      if (error instanceof CorruptDataError) return { ok: false, reason: error.detail }
      return { ok: false, reason: `it could not be migrated (${messageOf(error)})` }
    }
    const { schemaVersion: _version, ...fields } = data
    const checked = this.schema.safeParse(fields)
    if (!checked.success) {
      const issue = checked.error.issues[0]
      return {
        ok: false,
        reason: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'does not fit'}`,
      }
    }
    if (checked.data.id !== id) return { ok: false, reason: 'its id does not match its file name' }
    return { ok: true, record: checked.data }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** A record's compact journal JSON as its file shows it: indented, with a final newline. */
export function prettyRecordFile(compact: Buffer): string {
  return `${JSON.stringify(JSON.parse(compact.toString('utf8')), null, 2)}\n`
}
