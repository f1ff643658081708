import { CsvError, parse } from 'csv-parse/sync'
import { brazeFieldsFor, FIELD_OF_LIQUID_NAME } from '../../../shared/braze/user-fields'
import type { Problem } from '../../../shared/contract/problems'
import type { BrazeUserProfile } from '../../../shared/contract/users'
import { numberFromJson, parseJsonKeepingFloats } from '../../../shared/numbers/json-keeping-floats'
import {
  MAX_JSON_DEPTH,
  findTooDeepJson,
  nestedTooDeeply,
} from '../../../shared/security/json-nesting'
import { problemAt } from '../liquid/problem'
import type { UserImport } from './import-users-json'
import { userKey } from './user-identity'

/** Standard fields a column can fill: a sample user's typed scalars, by export or Liquid name. */
const COLUMN_FIELDS = new Map(
  brazeFieldsFor('profile')
    .filter((field) => field.type === 'string' || field.type === 'number')
    .map((field) => [field.name, field]),
)

type Column = { field: string } | { custom: string[] }

/** How many rows a long import reads between progress reports. */
const PROGRESS_EVERY_ROWS = 2_000

/**
 * One user per row; the header row names attributes. Standard fields use their export or Liquid
 * names; every other header is a custom attribute, and a dotted header (`address.city`) builds
 * a nested one. Cells that look like numbers, booleans or JSON arrays/objects become those.
 */
export function importUsersCsv(
  text: string,
  options: { onProgress?: (done: number, total: number) => void } = {},
): UserImport {
  let rows: Array<{ info: { lines: number }; record: string[] }>
  try {
    rows = parse(text, {
      info: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as unknown as typeof rows
  } catch (error) {
    const line =
      error instanceof CsvError ? (error as CsvError & { lines?: number }).lines : undefined
    const message = error instanceof Error ? error.message : String(error)
    return {
      users: [],
      problems: [
        problemAt(
          'error',
          'csv-syntax',
          line ? { line, column: 1 } : null,
          `This CSV cannot be read: ${message}.`,
          'Check the quotes and the number of cells on that line.',
        ),
      ],
    }
  }
  const [header, ...records] = rows
  if (!header)
    return {
      users: [],
      problems: [
        problemAt(
          'error',
          'csv-empty',
          null,
          'The CSV file is empty.',
          'Add a header row and one row per user.',
        ),
      ],
    }
  const { columns, problems } = readHeader(header.record, header.info.lines)
  if (problems.some((p) => p.severity === 'error')) return { users: [], problems }
  const users: BrazeUserProfile[] = []
  let done = 0
  for (const { info, record } of records) {
    if (++done % PROGRESS_EVERY_ROWS === 0) options.onProgress?.(done, records.length)
    const deep = tooDeepCell(record, columns)
    if (deep) {
      problems.push(
        problemAt(
          'error',
          'json-too-deep',
          { line: info.lines, column: 1 },
          `The ${deep} cell on line ${info.lines} is ${nestedTooDeeply()} with its column's path; this row was left out.`,
          'Flatten the value: Braze attributes nest a few levels.',
        ),
      )
      continue
    }
    const user = toUser(record, columns)
    if (!userKey(user)) {
      problems.push(
        problemAt(
          'warning',
          'user-without-id',
          { line: info.lines, column: 1 },
          `The user on line ${info.lines} has neither external_id nor braze_id, so it cannot be picked by id.`,
          'Fill the external_id column.',
        ),
      )
    }
    users.push(user)
  }
  return { users, problems }
}

function readHeader(names: string[], line: number): { columns: Column[]; problems: Problem[] } {
  const problems: Problem[] = []
  const seen = new Map<string, number>()
  let column = 1
  const columns = names.map((raw, index): Column => {
    const at = { line, column }
    column += raw.length + 1
    const name = raw.trim()
    if (name === '')
      problems.push(
        problemAt(
          'error',
          'csv-header',
          at,
          `Column ${index + 1} has no name.`,
          'Name every column in the header row.',
        ),
      )
    const field = FIELD_OF_LIQUID_NAME.get(name) ?? name
    if (seen.has(field))
      problems.push(
        problemAt(
          'error',
          'csv-header',
          at,
          `Column "${name}" repeats column ${seen.get(field)}.`,
          'Keep one column per attribute.',
        ),
      )
    seen.set(field, index + 1)
    if (COLUMN_FIELDS.has(field)) return { field }
    const custom = name.replace(/^custom_attributes?\./, '').split('.')
    if (levelsLeft(custom) < 0)
      problems.push(
        problemAt(
          'error',
          'csv-header',
          at,
          `Column ${index + 1} is ${nestedTooDeeply()}: it has ${custom.length} dotted parts.`,
          'Use a shorter dotted path.',
        ),
      )
    return { custom }
  })
  const paths = columns.flatMap((c) => ('custom' in c ? [c.custom.join('.')] : []))
  for (const path of paths) {
    const parent = paths.find((other) => path.startsWith(`${other}.`))
    if (parent)
      problems.push(
        problemAt(
          'error',
          'csv-header',
          { line, column: 1 },
          `"${parent}" is both a value and the parent of "${path}".`,
          `Rename one of the columns, e.g. "${parent}.value".`,
        ),
      )
  }
  return { columns, problems }
}

function toUser(record: string[], columns: Column[]): BrazeUserProfile {
  const user: Record<string, unknown> = {}
  const custom: Record<string, unknown> = {}
  columns.forEach((column, i) => {
    const cell = record[i] ?? ''
    if (cell === '') return
    if ('field' in column)
      user[column.field] = COLUMN_FIELDS.get(column.field)?.type === 'number' ? Number(cell) : cell
    else setPath(custom, column.custom, typed(cell))
  })
  return { ...user, custom_attributes: custom }
}

/**
 * Levels a cell's JSON may still add under its dotted path: the user, custom_attributes and each
 * parent part are one level each.
 */
function levelsLeft(path: string[]): number {
  return MAX_JSON_DEPTH - 1 - path.length
}

/** The header of the first cell whose JSON would nest the user too deeply, if any. */
function tooDeepCell(record: string[], columns: Column[]): string | undefined {
  const index = columns.findIndex(
    (column, i) =>
      'custom' in column &&
      /^\s*[[{]/.test(record[i] ?? '') &&
      findTooDeepJson(record[i] ?? '', levelsLeft(column.custom)) !== undefined,
  )
  const column = columns[index]
  return column && 'custom' in column ? column.custom.join('.') : undefined
}

function typed(cell: string): unknown {
  if (cell === 'true' || cell === 'false') return cell === 'true'
  // `2.0` stays a Float, as it would in the user's JSON.
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(cell)) return numberFromJson(cell)
  if (/^\s*[[{]/.test(cell)) {
    try {
      return parseJsonKeepingFloats(cell)
    } catch {
      return cell
    }
  }
  return cell
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target
  for (const key of path.slice(0, -1)) {
    const next = node[key]
    node = (next && typeof next === 'object' ? next : (node[key] = {})) as Record<string, unknown>
  }
  node[path.at(-1) ?? ''] = value
}
