import { describe, expect, it } from 'vitest'
import { builtInUsers } from '../../../../../main/core/users/built-in-users'
import { findUser, userKey, userLabel } from '../../../../../main/core/users/user-identity'
import { fixtureUsers } from '../../../../helpers/liquid-fixtures'

describe('built-in sample users', () => {
  it('are the shared fixture users, edge cases included', () => {
    expect(builtInUsers()).toEqual(fixtureUsers())
  })

  it('are found by external_id or, for an anonymous profile, by braze_id', () => {
    const users = builtInUsers()
    expect(findUser(users, 'u-1002')?.first_name).toBe('José "Pepe"')
    expect(findUser(users, '60aa00bb11cc22dd33ee44ff')?.first_name).toBe('Anonymous')
    expect(findUser(users, 'nobody')).toBeUndefined()
  })

  it('are labelled by name and id', () => {
    const [ada, , mei, anonymous] = builtInUsers()
    expect([ada, mei, anonymous].map((u) => (u ? userLabel(u) : ''))).toEqual([
      'Ada Lovelace (u-1001)',
      'Mei (u-1003)',
      'Anonymous (60aa00bb11cc22dd33ee44ff)',
    ])
    expect(anonymous && userKey(anonymous)).toBe('60aa00bb11cc22dd33ee44ff')
  })

  it('cannot be changed by a caller', () => {
    const first = builtInUsers()[0]
    if (first) first.first_name = 'Changed'
    expect(builtInUsers()[0]?.first_name).toBe('Ada')
  })
})
