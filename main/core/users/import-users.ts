import { parse } from 'csv-parse/sync'
import type { UserImportFormat } from '../../../shared/contract/users'
import type { Problem } from '../../../shared/contract/problems'
import { problemAt } from '../liquid/problem'
import { importUsersCsv } from './import-users-csv'
import { importUsersJson, type UserImport } from './import-users-json'

/**
 * Reads a users file in either format, keeping every row that can be read: a CSV row with the
 * wrong number of cells is reported at its line and left out instead of failing the whole file
 * (importUsersCsv alone refuses the file, which suits the CLI but not an import dialog).
 */
export function importUsers(format: UserImportFormat, text: string): UserImport {
  if (format === 'json') return importUsersJson(text)
  const { text: salvaged, problems } = blankRaggedRows(text)
  const result = importUsersCsv(salvaged)
  return { users: result.users, problems: [...problems, ...result.problems] }
}

interface RowInfo {
  info: { lines: number }
  record: string[]
}

/** Blanks (keeping line numbers) every record whose cell count differs from the header's. */
function blankRaggedRows(text: string): { text: string; problems: Problem[] } {
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
    return { text, problems: [] }
  }
  const [header, ...records] = rows
  if (!header) return { text, problems: [] }
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
  return { text: problems.length > 0 ? lines.join('\n') : text, problems }
}
