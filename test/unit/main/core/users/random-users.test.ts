import { describe, expect, it } from 'vitest'
import { brazeUserProfile } from '../../../../../shared/contract/users'
import { randomUsers } from '../../../../../main/core/users/random-users'

describe('random users', () => {
  it('are the same for the same seed and differ for another seed', () => {
    expect(randomUsers(20, 7)).toEqual(randomUsers(20, 7))
    expect(randomUsers(20, 8)).not.toEqual(randomUsers(20, 7))
  })

  it('are valid Braze export profiles with unique external ids', () => {
    const users = randomUsers(200, 3)
    for (const user of users) expect(brazeUserProfile.safeParse(user).success).toBe(true)
    expect(new Set(users.map((u) => u.external_id)).size).toBe(200)
  })

  it('include the traps templates must survive: quotes, apostrophes, no email, no last name', () => {
    const users = randomUsers(500, 11)
    expect(users.some((u) => u.first_name?.includes('"'))).toBe(true)
    expect(users.some((u) => u.last_name?.startsWith("O'"))).toBe(true)
    expect(users.some((u) => u.email === undefined)).toBe(true)
    expect(users.some((u) => u.last_name === '')).toBe(true)
  })

  it('give ASCII email addresses', () => {
    for (const user of randomUsers(300, 5)) {
      if (user.email) expect(user.email).toMatch(/^[a-z]+\.\d+@example\.com$/)
    }
  })
})
