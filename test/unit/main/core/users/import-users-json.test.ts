import { describe, expect, it } from 'vitest'
import { importUsersJson } from '../../../../../main/core/users/import-users-json'
import { RubyFloat } from '../../../../../shared/numbers/ruby-float'
import { MAX_JSON_DEPTH } from '../../../../../shared/security/json-nesting'

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

  it('keeps a whole Float such as 2.0 a Float, wherever it is', () => {
    const [user] = importUsersJson(
      '[{"external_id":"a","random_bucket":7.0,"custom_attributes":{"balance":2.0,"visits":2,"h":{"l":[1.0]}}}]',
    ).users
    expect(user).toStrictEqual({
      external_id: 'a',
      random_bucket: new RubyFloat(7),
      custom_attributes: { balance: new RubyFloat(2), visits: 2, h: { l: [new RubyFloat(1)] } },
    })
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

  it.each([
    ['a bare array', '['.repeat(200_000) + ']'.repeat(200_000), 1, MAX_JSON_DEPTH + 1],
    [
      'a custom attribute',
      `{"users": [\n{"external_id": "a", "custom_attributes": {"x": ${'{"y":'.repeat(200_000)}1${'}'.repeat(200_000)}}}]}`,
      2,
      // {"users": [{…, "custom_attributes": { take 4 levels; the 253rd {"y": opens level 257.
      49 + 252 * 5,
    ],
    ['unclosed brackets', '['.repeat(300), 1, MAX_JSON_DEPTH + 1],
  ])(
    'refuses %s nested 200,000 deep at the bracket past the limit',
    (_kind, text, line, column) => {
      const result = importUsersJson(text)
      expect(result.users).toEqual([])
      expect(result.problems).toEqual([
        expect.objectContaining({ code: 'json-too-deep', severity: 'error', line, column }),
      ])
      expect(result.problems[0]?.message).toMatch(/nested too deeply \(more than 256 levels/)
    },
  )

  it('reads a user whose attributes nest right up to the limit', () => {
    // {"users": [{…, "custom_attributes": { take 4 levels; x takes the rest.
    const depth = MAX_JSON_DEPTH - 4
    const value = '['.repeat(depth) + ']'.repeat(depth)
    const result = importUsersJson(
      `{"users": [{"external_id": "a", "custom_attributes": {"x": ${value}}}]}`,
    )
    expect(result.problems).toEqual([])
    expect(result.users).toHaveLength(1)
  })
})
