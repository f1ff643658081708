import { z } from 'zod'
import { brazeUserProfile } from '../../../shared/contract/users'
import type { Migration } from '../storage/settings-migrations'

/** Where a saved user came from; built-ins are never stored. */
export const savedUserSource = z.enum(['imported', 'custom', 'braze', 'random'])
export type SavedUserSource = z.infer<typeof savedUserSource>

export const storedUser = z.object({
  id: z.string(),
  source: savedUserSource,
  /** Export-shaped (braze.md §6); unknown export fields are kept as they came. */
  user: brazeUserProfile,
  savedAt: z.string(),
})
export type StoredUser = z.infer<typeof storedUser>

/** The library's store name: users.json in the data folder. */
export const USER_LIBRARY_FILE = 'users'

/** users.json in the data folder. */
export const storedUsers = z.object({
  schemaVersion: z.literal(1),
  users: z.array(storedUser),
})
export type StoredUsers = z.infer<typeof storedUsers>

export const USER_MIGRATIONS: Migration[] = [
  { to: 1, describe: 'versioned sample-user library', up: (data) => ({ users: [], ...data }) },
]
