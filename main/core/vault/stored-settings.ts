import { z } from 'zod'
import { DEFAULT_TRACK_OBJECT_LIMIT, trackObjectLimit } from '../../../shared/braze/track-limits'
import { secretSlot, zendeskAuthSettings } from '../../../shared/contract/profiles'
import type { Migration } from '../storage/settings-migrations'

export const storedProfile = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  zendesk: z.object({
    baseUrl: z.string(),
    subdomain: z.string().nullable(),
    auth: zendeskAuthSettings,
  }),
  // Profiles saved before the object limit was a setting get Braze's default.
  braze: z.object({
    endpoint: z.string(),
    trackObjectLimit: trackObjectLimit.default(DEFAULT_TRACK_OBJECT_LIMIT),
  }),
})
export type StoredProfile = z.infer<typeof storedProfile>

export const storedSettings = z.object({
  schemaVersion: z.literal(1),
  activeProfileId: z.string(),
  profiles: z.array(storedProfile),
  /** Linux without a keyring: what the user chose (DESIGN: warn on basic_text). */
  weakStorageChoice: z.enum(['weak', 'session-only']).nullable(),
})
export type StoredSettings = z.infer<typeof storedSettings>

export const SETTINGS_MIGRATIONS: Migration[] = [
  {
    to: 1,
    describe: 'versioned settings with profiles and the active profile',
    up: (data) => ({ activeProfileId: 'sandbox', profiles: [], weakStorageChoice: null, ...data }),
  },
]

export const storedSecret = z.object({ cipherText: z.string(), hint: z.string().max(4).optional() })

export const storedSecrets = z.object({
  schemaVersion: z.literal(1),
  secrets: z.record(z.string(), z.partialRecord(secretSlot, storedSecret)),
})
export type StoredSecrets = z.infer<typeof storedSecrets>

export const SECRETS_MIGRATIONS: Migration[] = [
  { to: 1, describe: 'versioned secrets file', up: (data) => ({ secrets: {}, ...data }) },
]
