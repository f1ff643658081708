import { parse } from 'csv-parse/sync'
import type { UserImportFormat } from '../../../shared/contract/users'
import type { Problem } from '../../../shared/contract/problems'
import { problemAt } from '../liquid/problem'
import { importUsersCsv } from './import-users-csv'
import { importUsersJson, type UserImport } from './import-users-json'

/** The users a file holds, as read in a worker before the library saves them. */
export type ReadUsers = UserImport

/**
 * How many users one import takes. The library is for previews; every save rewrites and
 * re-checks the whole library on the thread that serves the app, so bigger files are split.
 */
export const MAX_IMPORT_ROWS = 10_000

export interface ImportUsersOptions {
  /** More users than this and the file is refused, with how to split it. */
  maxRows?: number
  /** Rows turned into users so far, of how many (CSV only: JSON is read in one go). */
  onProgress?: (done: number, total: number) => void
}

/**
 * Reads a users file in either format, keeping every row that can be read: a CSV row with the
 * wrong number of cells is reported at its line and left out instead of failing the whole file
 * (importUsersCsv alone refuses the file, which suits the CLI but not an import dialog).
 */
export function importUsers(
  format: UserImportFormat,
  text: string,
  options: ImportUsersOptions = {},
): UserImport {
  const maxRows = options.maxRows ?? MAX_IMPORT_ROWS
  if (format === 'json') {
    const read = importUsersJson(text)
    return read.users.length > maxRows ? tooManyRows(read.users.length, maxRows, format) : read
  }
  const { text: salvaged, problems, rows } = blankRaggedRows(text)
  if (rows > maxRows) return tooManyRows(rows, maxRows, format)
  const result = importUsersCsv(salvaged, { onProgress: options.onProgress })
  return { users: result.users, problems: [...problems, ...result.problems] }
}

function tooManyRows(count: number, maxRows: number, format: UserImportFormat): UserImport {
  const n = (value: number) => value.toLocaleString('en-US')
  const parts =
    format === 'csv'
      ? `files of up to ${n(maxRows)} rows, each starting with the same header row,`
      : `files of up to ${n(maxRows)} users each (a JSON array, or {"users": [...]}),`
  return {
    users: [],
    problems: [
      problemAt(
        'error',
        'too-many-users',
        null,
        `This file holds ${n(count)} users; one import takes at most ${n(maxRows)}, so nothing was imported.`,
        `Split it into ${parts} and import them one after another.`,
      ),
    ],
  }
}

interface RowInfo {
  info: { lines: number }
  record: string[]
}

/**
 * Blanks (keeping line numbers) every record whose cell count differs from the header's, and
 * counts the records below the header.
 */
function blankRaggedRows(text: string): { text: string; problems: Problem[]; rows: number } {
  let rows: RowInfo[]
  try {
    rows = parse(text, {
      info: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as RowInfo[]
  } catch {
    // Unreadable as CSV at all (e.g. an unclosed quote): importUsersCsv says where.
    return { text, problems: [], rows: 0 }
  }
  const [header, ...records] = rows
  if (!header) return { text, problems: [], rows: 0 }
  const width = header.record.length
  const lines = text.split('\n')
  const problems: Problem[] = []
  let previousEnd = header.info.lines
  for (const { info, record } of records) {
    if (record.length !== width) {
      let start = previousEnd + 1
      while (start < info.lines && (lines[start - 1] ?? '').trim() === '') start++
      problems.push(
        problemAt(
          'error',
          'csv-row-length',
          { line: start, column: 1 },
          `Line ${start} has ${record.length} cell${record.length === 1 ? '' : 's'} but the header has ${width}; this row was left out.`,
          'Give the row one cell per column (quote cells that contain commas).',
        ),
      )
      // A quoted cell may span lines: blank the record's whole span.
      for (let line = start; line <= info.lines; line++) lines[line - 1] = ''
    }
    previousEnd = info.lines
  }
  return {
    text: problems.length > 0 ? lines.join('\n') : text,
    problems,
    rows: records.length,
  }
}
