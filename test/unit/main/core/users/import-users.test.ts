import { describe, expect, it } from 'vitest'
import { importUsers } from '../../../../../main/core/users/import-users'

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
})
