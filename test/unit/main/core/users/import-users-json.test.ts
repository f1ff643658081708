import { describe, expect, it } from 'vitest'
import { importUsersJson } from '../../../../../main/core/users/import-users-json'

const where = (text: string) =>
  importUsersJson(text).problems.map((p) => [p.code, p.line, p.column])

describe('importing users from JSON', () => {
  it('reads a Braze export {"users": [...]}', () => {
    const result = importUsersJson(
      '{"message":"success","users":[{"external_id":"a","custom_attributes":{"x":1}}]}',
    )
    expect(result).toEqual({
      users: [{ external_id: 'a', custom_attributes: { x: 1 } }],
      problems: [],
    })
  })

  it('reads a bare array of users, and a single user', () => {
    expect(importUsersJson('[{"external_id":"a"},{"braze_id":"b"}]').users).toHaveLength(2)
    expect(importUsersJson('{"external_id":"solo","first_name":"S"}').users).toEqual([
      { external_id: 'solo', first_name: 'S' },
    ])
  })

  it('keeps export fields it does not know', () => {
    expect(importUsersJson('[{"external_id":"a","total_revenue":12.5}]').users[0]).toMatchObject({
      total_revenue: 12.5,
    })
  })

  it('reports invalid JSON at its line and column', () => {
    expect(where('[\n  {"external_id": "a",}\n]')).toEqual([['json-syntax', 2, 23]])
  })

  it('reports a field of the wrong type at that field', () => {
    const result = importUsersJson(
      '{"users": [\n {"external_id": "a"},\n {"external_id": "b", "custom_attributes": [1]}\n]}',
    )
    expect(result.problems.map((p) => [p.code, p.line, p.column])).toEqual([['user-shape', 3, 44]])
    expect(result.problems[0]?.message).toMatch(/^users\[1\]\.custom_attributes: /)
    expect(result.users.map((u) => u.external_id)).toEqual(['a'])
  })

  it('warns about a user that cannot be picked by id', () => {
    expect(where('[{"first_name": "Nobody"}]')).toEqual([['user-without-id', 1, 2]])
  })

  it('rejects a file that holds no users', () => {
    expect(where('"just text"')).toEqual([['user-file-shape', 1, 1]])
  })
})
