import type { SampleUserEntry } from '../../../shared/contract/users'
import { loadBrazeUser } from '../braze/export-client'
import type { HttpClient } from '../net/http-request'
import type { ProfileVault } from '../vault/profile-vault'
import type { UserLibrary } from './user-library'

export interface LoadFromBrazeDeps {
  vault: ProfileVault
  http: HttpClient
  users: UserLibrary
}

/**
 * "Load from Braze" with the active profile's endpoint and REST key (on the Sandbox, the
 * simulated Braze), saving the user so it can be picked again. Failures throw Braze's answer
 * as a message to act on.
 */
export async function loadUserFromBraze(
  { vault, http, users }: LoadFromBrazeDeps,
  externalId: string,
): Promise<SampleUserEntry> {
  const profileId = vault.activeProfileId()
  const profile = vault.get(profileId)
  const apiKey = vault.secret(profileId, 'brazeApiKey')
  if (!apiKey) {
    throw new Error(
      `The active profile "${profile.name}" has no Braze REST API key. Add one on the Connections screen (it needs the users.export.ids permission).`,
    )
  }
  const result = await loadBrazeUser(http, { endpoint: profile.braze.endpoint, apiKey, externalId })
  if (!result.ok) throw new Error(result.message)
  return users.saveLoaded(result.user, 'braze')
}
