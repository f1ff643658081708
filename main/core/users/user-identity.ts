import type { BrazeUserProfile } from '../../../shared/contract/users'

/** How a sample user is picked: by external_id, or braze_id for anonymous profiles. */
export function userKey(user: BrazeUserProfile): string | undefined {
  return user.external_id ?? user.braze_id ?? undefined
}

export function findUser(
  users: readonly BrazeUserProfile[],
  id: string,
): BrazeUserProfile | undefined {
  return users.find((u) => u.external_id === id) ?? users.find((u) => u.braze_id === id)
}

/** "Ada Lovelace (u-1001)", for pickers and CLI output. */
export function userLabel(user: BrazeUserProfile): string {
  const name = [user.first_name, user.last_name].filter((part) => part && part.trim()).join(' ')
  const key = userKey(user) ?? 'no id'
  return name ? `${name} (${key})` : key
}
