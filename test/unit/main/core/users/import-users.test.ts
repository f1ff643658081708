import { describe, expect, it } from 'vitest'
import { importUsers, MAX_IMPORT_ROWS } from '../../../../../main/core/users/import-users'

function csvRows(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => `u-${i + 1},Ada`)
  return ['external_id,first_name', ...rows].join('\n')
}

describe('importing users for the Compose screen', () => {
  it('leaves out a quoted row that spans lines when its cell count is wrong, keeping the rest', () => {
    const csv = 'external_id,first_name\nu-1,Ada\n\nu-2,"two\nlines",extra\nu-3,Mei\n'
    const result = importUsers('csv', csv)
    expect(result.users.map((u) => u.external_id)).toEqual(['u-1', 'u-3'])
    expect(result.problems.map((p) => [p.code, p.line])).toEqual([['csv-row-length', 4]])
  })

  it('still reports a CSV it cannot read at all', () => {
    const result = importUsers('csv', 'external_id,first_name\nu-1,"Ada\n')
    expect(result.users).toEqual([])
    expect(result.problems.map((p) => p.code)).toEqual(['csv-syntax'])
  })

  it('reads JSON in any of the shapes a Braze export comes in', () => {
    expect(importUsers('json', '{"external_id": "solo"}').users).toEqual([{ external_id: 'solo' }])
  })

  it('refuses a CSV with more rows than one import takes, saying how to split it', () => {
    const result = importUsers('csv', csvRows(MAX_IMPORT_ROWS + 1))
    expect(result.users).toEqual([])
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'too-many-users',
        message:
          'This file holds 10,001 users; one import takes at most 10,000, so nothing was imported.',
        fix: 'Split it into files of up to 10,000 rows, each starting with the same header row, and import them one after another.',
      }),
    ])
  })

  it('refuses a JSON file with more users than one import takes', () => {
    const users = Array.from({ length: 3 }, (_, i) => ({ external_id: `u-${i}` }))
    const result = importUsers('json', JSON.stringify({ users }), { maxRows: 2 })
    expect(result.users).toEqual([])
    expect(result.problems[0]).toMatchObject({
      code: 'too-many-users',
      fix: expect.stringContaining('files of up to 2 users each') as string,
    })
  })

  it('reports how many rows of a long CSV it has read', () => {
    const progress: Array<[number, number]> = []
    importUsers('csv', csvRows(5_000), {
      onProgress: (done, total) => progress.push([done, total]),
    })
    expect(progress).toEqual([
      [2_000, 5_000],
      [4_000, 5_000],
    ])
  })
})
